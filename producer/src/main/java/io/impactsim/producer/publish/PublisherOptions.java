package io.impactsim.producer.publish;

import java.time.Duration;
import java.util.Optional;

/**
 * How the publisher creates topics, paces and reports.
 *
 * @param partitions partitions of topics it creates
 * @param replicationFactor replication of topics it creates; empty for the broker's default
 * @param createMissingTopics create missing input topics (with their retention or compaction) and
 *     wait for their leaders before the first send
 * @param progress show a progress bar on stderr
 * @param speed how fast to replay event time
 * @param topicTimeout how long topic creation may take
 */
public record PublisherOptions(
    int partitions,
    Optional<Short> replicationFactor,
    boolean createMissingTopics,
    boolean progress,
    Speed speed,
    Duration topicTimeout) {

  public static final int DEFAULT_PARTITIONS = 3;

  public PublisherOptions {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    replicationFactor.ifPresent(
        rf -> {
          if (rf < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + rf);
          }
        });
  }

  /**
   * 3 partitions, broker-default replication, create missing topics, no progress bar, max speed.
   */
  public static PublisherOptions defaults() {
    return new PublisherOptions(
        DEFAULT_PARTITIONS, Optional.empty(), true, false, Speed.MAX, Duration.ofSeconds(60));
  }

  public PublisherOptions withPartitions(int n) {
    return new PublisherOptions(
        n, replicationFactor, createMissingTopics, progress, speed, topicTimeout);
  }

  public PublisherOptions withReplicationFactor(Optional<Short> rf) {
    return new PublisherOptions(partitions, rf, createMissingTopics, progress, speed, topicTimeout);
  }

  public PublisherOptions withCreateMissingTopics(boolean create) {
    return new PublisherOptions(
        partitions, replicationFactor, create, progress, speed, topicTimeout);
  }

  public PublisherOptions withProgress(boolean show) {
    return new PublisherOptions(
        partitions, replicationFactor, createMissingTopics, show, speed, topicTimeout);
  }

  public PublisherOptions withSpeed(Speed s) {
    return new PublisherOptions(
        partitions, replicationFactor, createMissingTopics, progress, s, topicTimeout);
  }
}
