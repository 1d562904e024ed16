package io.impactsim.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.sandbox.registry.LogEntry.CompatibilityConfig;
import io.impactsim.sandbox.registry.LogEntry.SchemaVersion;
import io.impactsim.sandbox.registry.LogEntry.VersionRemoved;
import io.impactsim.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Turns {@link LogEntry log entries} into JSON keys and values of the {@code _schemas} topic and
 * back. Keys identify what an entry is about, so compaction keeps only its latest state; a null
 * value is a tombstone.
 */
final class LogCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAGIC = 1;
  private static final String SCHEMA = "SCHEMA";
  private static final String CONFIG = "CONFIG";

  private LogCodec() {}

  static byte[] key(LogEntry entry) {
    ObjectNode key = JSON.createObjectNode().put("magic", MAGIC);
    if (entry instanceof SchemaVersion v) {
      key.put("keytype", SCHEMA).put("subject", v.subject()).put("version", v.version());
    } else if (entry instanceof VersionRemoved r) {
      key.put("keytype", SCHEMA).put("subject", r.subject()).put("version", r.version());
    } else if (entry instanceof CompatibilityConfig c) {
      key.put("keytype", CONFIG).put("subject", c.subject().orElse(null));
    } else {
      throw new IllegalArgumentException("unknown entry " + entry);
    }
    return bytes(key);
  }

  /** The value of an entry, or null for a tombstone. */
  static byte[] value(LogEntry entry) {
    if (entry instanceof SchemaVersion v) {
      return bytes(
          JSON.createObjectNode()
              .put("subject", v.subject())
              .put("version", v.version())
              .put("id", v.id())
              .put("schema", v.schema())
              .put("deleted", v.deleted()));
    }
    if (entry instanceof CompatibilityConfig c && c.level().isPresent()) {
      return bytes(JSON.createObjectNode().put("compatibilityLevel", c.level().get().name()));
    }
    return null;
  }

  static LogEntry decode(byte[] keyBytes, byte[] valueBytes) {
    JsonNode key = tree(keyBytes);
    String type = key.path("keytype").asText();
    Optional<String> subject =
        key.path("subject").isTextual()
            ? Optional.of(key.get("subject").asText())
            : Optional.empty();
    JsonNode value = valueBytes == null ? null : tree(valueBytes);
    if (SCHEMA.equals(type)) {
      String name =
          subject.orElseThrow(
              () -> new IllegalArgumentException("schema key without subject: " + key));
      int version = key.path("version").asInt();
      if (value == null) {
        return new VersionRemoved(name, version);
      }
      return new SchemaVersion(
          name,
          version,
          value.path("id").asInt(),
          value.path("schema").asText(),
          value.path("deleted").asBoolean());
    }
    if (CONFIG.equals(type)) {
      Optional<CompatibilityLevel> level =
          value == null
              ? Optional.empty()
              : Optional.of(CompatibilityLevel.valueOf(value.path("compatibilityLevel").asText()));
      return new CompatibilityConfig(subject, level);
    }
    throw new IllegalArgumentException("unknown key type in the schemas topic: " + key);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable record in the schemas topic", e);
    }
  }
}
