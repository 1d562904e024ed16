package io.impactsim.cli.crash;

import io.impactsim.topics.config.KafkaSettings;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a streams application's consumer group has got, from its committed offsets summed over
 * every topic it reads: the event topics and its own repartition topics, whose records carry the
 * later stages' work (the totals behind the changes topic, for one). With exactly-once processing
 * an offset is committed together with the state and output it led to, so it tells what a crash can
 * no longer undo.
 */
final class GroupProgress implements AutoCloseable {
  private static final long REQUEST_TIMEOUT_MS = 10_000;

  private final Admin admin;
  private final String applicationId;

  GroupProgress(KafkaSettings settings, String applicationId) {
    this.admin = Admin.create(settings.kafkaProperties());
    this.applicationId = applicationId;
  }

  /** Offsets the group has committed, over all the partitions it reads. */
  long committed() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(applicationId)
              .partitionsToOffsetAndMetadata()
              .get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return offsets.values().stream()
          .filter(o -> o != null)
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    } catch (ExecutionException | TimeoutException e) {
      // The coordinator may be moving or loading the group after a crash: no progress known yet.
      return 0;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
