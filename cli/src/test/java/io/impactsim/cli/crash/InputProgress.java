package io.impactsim.cli.crash;

import io.impactsim.schemas.config.KafkaSettings;
import io.impactsim.schemas.topics.TopicCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a streams application's consumer group has got through the event topics, from its
 * committed offsets: with exactly-once processing an offset is committed together with the state
 * and output it led to, so it tells what a crash can no longer undo.
 */
final class InputProgress implements AutoCloseable {
  private static final long REQUEST_TIMEOUT_MS = 10_000;

  private final Admin admin;
  private final String applicationId;
  private final List<String> inputs;

  InputProgress(KafkaSettings settings, TopicCatalog topics, String applicationId) {
    this.admin = Admin.create(settings.kafkaProperties());
    this.applicationId = applicationId;
    this.inputs =
        List.of(topics.deals().name(), topics.restructurings().name(), topics.earnings().name());
  }

  /** Event records whose processing the group has committed, over all event topics. */
  long committed() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(applicationId)
              .partitionsToOffsetAndMetadata()
              .get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return offsets.entrySet().stream()
          .filter(e -> inputs.contains(e.getKey().topic()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
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
