package io.impactsim.sandbox.registry;

import io.impactsim.schemas.registry.CompatibilityLevel;
import java.util.Optional;

/**
 * One fact of the registry as it is kept in the {@code _schemas} topic. The topic is compacted, so
 * each fact carries the whole state of its key: a later entry with the same key replaces it.
 */
sealed interface LogEntry {

  /** A version of a subject; {@code deleted} marks a soft-deleted one. */
  record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
      implements LogEntry {
    SchemaVersion softDeleted() {
      return new SchemaVersion(subject, version, id, schema, true);
    }
  }

  /** A permanently deleted version: a tombstone of its key. */
  record VersionRemoved(String subject, int version) implements LogEntry {}

  /**
   * The compatibility level of a subject, or the global one when {@code subject} is empty; an empty
   * {@code level} removes the setting.
   */
  record CompatibilityConfig(Optional<String> subject, Optional<CompatibilityLevel> level)
      implements LogEntry {}
}
