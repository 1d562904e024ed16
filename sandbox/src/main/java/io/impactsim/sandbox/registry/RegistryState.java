package io.impactsim.sandbox.registry;

import io.impactsim.sandbox.registry.LogEntry.CompatibilityConfig;
import io.impactsim.sandbox.registry.LogEntry.SchemaVersion;
import io.impactsim.sandbox.registry.LogEntry.VersionRemoved;
import io.impactsim.schemas.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the registry knows, rebuilt from the {@code _schemas} topic and kept in step with it: the
 * versions of every subject, the schemas by global id and the compatibility settings. Not
 * thread-safe; the caller serialises access.
 */
final class RegistryState {
  private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final CompatibilityLevel defaultLevel;
  private Optional<CompatibilityLevel> globalLevel = Optional.empty();
  private int maxId;

  RegistryState(CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
  }

  void apply(LogEntry entry) {
    if (entry instanceof SchemaVersion v) {
      subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
      schemasById.put(v.id(), v.schema());
      idsBySchema.putIfAbsent(v.schema(), v.id());
      maxId = Math.max(maxId, v.id());
    } else if (entry instanceof VersionRemoved r) {
      NavigableMap<Integer, SchemaVersion> versions = subjects.get(r.subject());
      if (versions != null) {
        versions.remove(r.version());
        if (versions.isEmpty()) {
          subjects.remove(r.subject());
        }
      }
    } else if (entry instanceof CompatibilityConfig c) {
      if (c.subject().isEmpty()) {
        globalLevel = c.level();
      } else if (c.level().isPresent()) {
        subjectLevels.put(c.subject().get(), c.level().get());
      } else {
        subjectLevels.remove(c.subject().get());
      }
    }
  }

  /** Versions of a subject, oldest first, with or without the soft-deleted ones. */
  List<SchemaVersion> versions(String subject, boolean includeDeleted) {
    List<SchemaVersion> out = new ArrayList<>();
    for (SchemaVersion v : subjects.getOrDefault(subject, new TreeMap<>()).values()) {
      if (includeDeleted || !v.deleted()) {
        out.add(v);
      }
    }
    return out;
  }

  /** Subjects with at least one version, live unless {@code includeDeleted}; sorted. */
  List<String> subjectNames(boolean includeDeleted) {
    return subjects.keySet().stream().filter(s -> !versions(s, includeDeleted).isEmpty()).toList();
  }

  /**
   * Every version of every subject, by subject then version; live ones unless {@code
   * includeDeleted}.
   */
  List<SchemaVersion> allVersions(boolean includeDeleted) {
    List<SchemaVersion> out = new ArrayList<>();
    for (String subject : subjects.keySet()) {
      out.addAll(versions(subject, includeDeleted));
    }
    return out;
  }

  boolean hasSubject(String subject) {
    return subjects.containsKey(subject);
  }

  /** The next version number of a subject; soft-deleted versions keep their numbers. */
  int nextVersion(String subject) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
  }

  Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /**
   * The global id of a schema in canonical form: an existing one (also from another subject), or a
   * new one.
   */
  int idFor(String canonicalSchema) {
    Integer id = idsBySchema.get(canonicalSchema);
    return id != null ? id : maxId + 1;
  }

  CompatibilityLevel globalLevel() {
    return globalLevel.orElse(defaultLevel);
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevel(subject).orElseGet(this::globalLevel);
  }
}
