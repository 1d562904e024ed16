package io.impactsim.sandbox.registry;

import io.impactsim.sandbox.registry.LogEntry.CompatibilityConfig;
import io.impactsim.sandbox.registry.LogEntry.SchemaVersion;
import io.impactsim.sandbox.registry.LogEntry.VersionRemoved;
import io.impactsim.schemas.registry.AvroCompatibility;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.CompatibilityResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The registry's operations with Confluent's semantics: ids, versions, soft and hard deletes,
 * compatibility. A change is first stored in the {@link SchemaLog}, then applied to the {@link
 * RegistryState}; one lock serialises everything, which is plenty for a sandbox.
 */
final class RegistryService {
  private final RegistryState state;
  private final SchemaLog log;
  private final Map<Integer, Schema> parsedById = new HashMap<>();

  RegistryService(RegistryState state, SchemaLog log) {
    this.state = state;
    this.log = log;
  }

  /** One version of a subject as the API shows it. */
  record Version(String subject, int version, int id, String schema) {
    static Version of(SchemaVersion v) {
      return new Version(v.subject(), v.version(), v.id(), v.schema());
    }
  }

  synchronized int register(String subject, CandidateSchema candidate) {
    List<SchemaVersion> live = state.versions(subject, false);
    for (SchemaVersion v : live) {
      if (v.schema().equals(candidate.canonical())) {
        return v.id();
      }
    }
    CompatibilityLevel level = state.effectiveLevel(subject);
    CompatibilityResult result = AvroCompatibility.check(level, candidate.schema(), schemas(live));
    if (!result.compatible()) {
      throw RegistryError.incompatible(
          "Schema being registered is incompatible with an earlier schema for subject '"
              + subject
              + "' (compatibility "
              + level
              + "): "
              + result.messages());
    }
    int id = state.idFor(candidate.canonical());
    write(
        List.of(
            new SchemaVersion(
                subject, state.nextVersion(subject), id, candidate.canonical(), false)));
    return id;
  }

  synchronized String schemaById(int id) {
    return state.schemaById(id).orElseThrow(() -> RegistryError.schemaNotFound("Schema " + id));
  }

  /** The subject versions that hold the schema with this id, by subject then version. */
  synchronized List<Version> versionsOfId(int id, boolean includeDeleted) {
    schemaById(id);
    return state.allVersions(includeDeleted).stream()
        .filter(v -> v.id() == id)
        .map(Version::of)
        .toList();
  }

  /**
   * The versions of the subjects starting with {@code subjectPrefix}, by subject then version; only
   * each subject's latest one when {@code latestOnly}.
   */
  synchronized List<Version> schemas(
      String subjectPrefix, boolean includeDeleted, boolean latestOnly) {
    List<Version> out = new ArrayList<>();
    for (String subject : state.subjectNames(includeDeleted)) {
      if (!subject.startsWith(subjectPrefix)) {
        continue;
      }
      List<SchemaVersion> versions = state.versions(subject, includeDeleted);
      if (latestOnly) {
        versions = versions.subList(versions.size() - 1, versions.size());
      }
      versions.forEach(v -> out.add(Version.of(v)));
    }
    return out;
  }

  /**
   * The ids of the schemas that reference this version: none, as this registry refuses references;
   * an unknown subject or version is still not found.
   */
  synchronized List<Integer> referencedBy(String subject, String version) {
    version(subject, version, false);
    return List.of();
  }

  synchronized List<String> subjects(boolean includeDeleted) {
    return state.subjectNames(includeDeleted);
  }

  synchronized List<Integer> versions(String subject, boolean includeDeleted) {
    List<Integer> numbers = numbers(state.versions(subject, includeDeleted));
    if (numbers.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return numbers;
  }

  /** A version by number, or the latest one for "latest" and -1. */
  synchronized Version version(String subject, String version, boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return Version.of(find(subject, versions, VersionId.parse(version)));
  }

  /** The version of a subject holding this schema. */
  synchronized Version lookup(String subject, CandidateSchema candidate, boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return versions.stream()
        .filter(v -> v.schema().equals(candidate.canonical()))
        .reduce((first, second) -> second)
        .map(Version::of)
        .orElseThrow(() -> RegistryError.schemaNotFound("Schema"));
  }

  /** Soft-deletes the live versions, or permanently removes a soft-deleted subject. */
  synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
    List<SchemaVersion> all = state.versions(subject, true);
    if (all.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    List<SchemaVersion> live = state.versions(subject, false);
    List<LogEntry> changes = new ArrayList<>();
    if (!permanent) {
      if (live.isEmpty()) {
        throw RegistryError.subjectSoftDeleted(subject);
      }
      live.forEach(v -> changes.add(v.softDeleted()));
      write(changes);
      return numbers(live);
    }
    if (!live.isEmpty()) {
      throw RegistryError.subjectNotSoftDeleted(subject);
    }
    all.forEach(v -> changes.add(new VersionRemoved(subject, v.version())));
    if (state.subjectLevel(subject).isPresent()) {
      changes.add(new CompatibilityConfig(Optional.of(subject), Optional.empty()));
    }
    write(changes);
    return numbers(all);
  }

  /**
   * Checks a schema under the subject's compatibility level: against one version when {@code
   * version} is given, else against the versions the level looks at. No versions: compatible.
   */
  synchronized CompatibilityResult checkCompatibility(
      String subject, Optional<String> version, CandidateSchema candidate) {
    List<SchemaVersion> live = state.versions(subject, false);
    List<SchemaVersion> against = live;
    if (version.isPresent()) {
      VersionId id = VersionId.parse(version.get());
      if (live.isEmpty()) {
        if (id.isLatest()) {
          return new CompatibilityResult(true, List.of());
        }
        throw RegistryError.subjectNotFound(subject);
      }
      against = List.of(find(subject, live, id));
    }
    return AvroCompatibility.check(
        state.effectiveLevel(subject), candidate.schema(), schemas(against));
  }

  synchronized CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  synchronized void setGlobalLevel(CompatibilityLevel level) {
    write(List.of(new CompatibilityConfig(Optional.empty(), Optional.of(level))));
  }

  synchronized CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    Optional<CompatibilityLevel> level = state.subjectLevel(subject);
    if (level.isPresent()) {
      return level.get();
    }
    if (defaultToGlobal) {
      return state.globalLevel();
    }
    throw RegistryError.subjectLevelNotConfigured(subject);
  }

  synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
    write(List.of(new CompatibilityConfig(Optional.of(subject), Optional.of(level))));
  }

  /** Removes a subject's level, so the global one applies again; answers the removed level. */
  synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
    CompatibilityLevel previous = subjectLevel(subject, false);
    write(List.of(new CompatibilityConfig(Optional.of(subject), Optional.empty())));
    return previous;
  }

  private void write(List<LogEntry> changes) {
    try {
      log.append(changes);
    } catch (SchemaLog.StoreException e) {
      throw RegistryError.storeFailed(e.getMessage());
    }
    changes.forEach(state::apply);
  }

  private static SchemaVersion find(String subject, List<SchemaVersion> versions, VersionId id) {
    if (id.isLatest()) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream()
        .filter(v -> v.version() == id.number())
        .findFirst()
        .orElseThrow(() -> RegistryError.versionNotFound(subject, id.number()));
  }

  private List<Schema> schemas(List<SchemaVersion> versions) {
    List<Schema> out = new ArrayList<>();
    for (SchemaVersion v : versions) {
      out.add(parsedById.computeIfAbsent(v.id(), id -> CandidateSchema.parseStored(v.schema())));
    }
    return out;
  }

  private static List<Integer> numbers(List<SchemaVersion> versions) {
    return versions.stream().map(SchemaVersion::version).toList();
  }

  /** A version as a path names it: a number from 1, or latest (also spelled -1). */
  record VersionId(int number) {
    static VersionId parse(String text) {
      if ("latest".equalsIgnoreCase(text) || "-1".equals(text)) {
        return new VersionId(-1);
      }
      if (text.matches("[0-9]{1,10}")) {
        long n = Long.parseLong(text);
        if (n >= 1 && n <= Integer.MAX_VALUE) {
          return new VersionId((int) n);
        }
      }
      throw RegistryError.invalidVersion(text);
    }

    boolean isLatest() {
      return number == -1;
    }
  }
}
