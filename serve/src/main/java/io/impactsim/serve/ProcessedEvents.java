package io.impactsim.serve;

import io.impactsim.topics.TopicCatalog;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the input events the application has processed, per type, from what every instance of it
 * has committed: the committed offset of each input partition less its first offset. Reading the
 * group's offsets rather than counting locally keeps the figure right with several instances.
 */
final class ProcessedEvents implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessedEvents.class);
  private static final long TIMEOUT_MS = 5_000;

  private final Admin admin;
  private final String applicationId;
  private final Map<String, String> typeByTopic = new LinkedHashMap<>();
  private final ServingMetrics metrics;

  ProcessedEvents(Admin admin, String applicationId, TopicCatalog topics, ServingMetrics metrics) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.metrics = metrics;
    typeByTopic.put(topics.deals().name(), "deal");
    typeByTopic.put(topics.restructurings().name(), "restructuring");
    typeByTopic.put(topics.earnings().name(), "earnings");
  }

  @Override
  public void run() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(applicationId)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> firsts = new HashMap<>();
      committed.forEach(
          (tp, offset) -> {
            if (offset != null && typeByTopic.containsKey(tp.topic())) {
              firsts.put(tp, OffsetSpec.earliest());
            }
          });
      var starts = admin.listOffsets(firsts).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Map<String, Long> counts = new HashMap<>();
      typeByTopic.values().forEach(type -> counts.put(type, 0L));
      firsts
          .keySet()
          .forEach(
              tp ->
                  counts.merge(
                      typeByTopic.get(tp.topic()),
                      Math.max(0, committed.get(tp).offset() - starts.get(tp).offset()),
                      Long::sum));
      counts.forEach(metrics::processed);
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("processed-event counts not refreshed: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
