package io.impactsim.tools;

import io.impactsim.topics.TopicCatalog;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Reports how many copied events the namespace's application has processed, from the offsets it
 * commits on the event topics, until it has processed them all. Company profiles are read by the
 * global thread, which commits nothing, and are not counted.
 */
final class ProcessingWatch {
  private static final long POLL_MS = 250;

  private final Namespace namespace;
  private final ReplayListener listener;

  ProcessingWatch(Namespace namespace, ReplayListener listener) {
    this.namespace = namespace;
    this.listener = listener;
  }

  /**
   * Follows the processing until every copied event is committed as processed.
   *
   * @throws IllegalStateException if the application stops on the way
   */
  void follow(KafkaStreams streams, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(namespace.live().kafkaProperties())) {
      List<TopicPartition> events = eventPartitions();
      long total = ends(admin, events);
      listener.started("processing", total);
      try {
        long done = 0;
        while (done < total) {
          if (System.nanoTime() > deadline) {
            throw new TimeoutException(
                "processed " + done + " of " + total + " events within " + timeout);
          }
          Thread.sleep(POLL_MS);
          KafkaStreams.State state = streams.state();
          if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            throw new IllegalStateException(
                "the replay's streams application failed (state " + state + ")");
          }
          done = committed(admin, events);
          listener.advanced(Math.min(done, total));
        }
      } finally {
        listener.finished();
      }
    }
  }

  private List<TopicPartition> eventPartitions() {
    TopicCatalog topics = TopicCatalog.names(namespace.prefix());
    // One partition per namespace topic (LogCopier).
    return List.of(
        new TopicPartition(topics.deals().name(), 0),
        new TopicPartition(topics.restructurings().name(), 0),
        new TopicPartition(topics.earnings().name(), 0));
  }

  private static long ends(Admin admin, List<TopicPartition> partitions)
      throws InterruptedException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    try {
      return admin
          .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(10, TimeUnit.SECONDS)
          .values()
          .stream()
          .mapToLong(info -> info.offset())
          .sum();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the end of the copied log: " + e, e);
    }
  }

  private long committed(Admin admin, List<TopicPartition> partitions) throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(namespace.applicationId())
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      return partitions.stream()
          .map(offsets::get)
          .filter(o -> o != null)
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    } catch (ExecutionException | TimeoutException e) {
      // The group appears with the first commit; until then nothing is processed.
      return 0;
    }
  }
}
