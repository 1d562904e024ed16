package io.impactsim.topics;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/** What a topic holds, which decides how long Kafka keeps its records. */
public enum TopicKind {
  /** Input events: the log is the source of truth, so nothing is ever deleted. */
  EVENT_LOG(
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG, "-1",
          TopicConfig.RETENTION_BYTES_CONFIG, "-1")),
  /**
   * Reference data keyed by id, kept whole like the log: each record is valid from its own date (a
   * company profile from its reference date), so a replay must see the earlier ones too.
   */
  REFERENCE(
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG, "-1",
          TopicConfig.RETENTION_BYTES_CONFIG, "-1")),
  /** A view's changelog: the latest record per key is the current view. */
  VIEW(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
  /** Rejected records with their reasons; kept for inspection, like the log. */
  DEAD_LETTER(
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG,
          TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG,
          "-1"));

  private final Map<String, String> configs;

  TopicKind(Map<String, String> configs) {
    this.configs = configs;
  }

  /** Topic-level configs a topic of this kind is created with. */
  public Map<String, String> configs() {
    return configs;
  }
}
