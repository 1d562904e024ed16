package io.impactsim.streams;

import io.impactsim.schemas.config.KafkaSettings;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.marketcap.MarketCapTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the streams application has processed everything published so far, so that its views
 * can be read in full. Two conditions, both needed with exactly-once processing:
 *
 * <ol>
 *   <li>its consumer group has committed, for every partition of the event topics and of its
 *       repartition topics, an offset at the partition's last stable offset. Ends are read as a
 *       read_committed consumer sees them: the last offset of a transactionally written topic is a
 *       commit marker that no consumer processes, and Kafka Streams commits the position past it;
 *   <li>no transaction is still open on the topics it writes (views, dead letters, internal
 *       topics): a committed transaction's markers reach its partitions one by one, so its offsets
 *       can be visible while a view partition does not show its records yet;
 *   <li>no company's market-cap ledger awaits repricing: late impacts are repriced on an interval
 *       after they are processed (the ledger's stale store, read from its changelog, is empty).
 * </ol>
 *
 * The company profiles are read by the global thread, which commits no offsets; they are not
 * covered.
 */
public final class Progress {
  private static final long POLL_MS = 100;
  private static final long REQUEST_TIMEOUT_MS = 10_000;

  private Progress() {}

  /**
   * Waits until the application has caught up with the event topics of the settings' namespace.
   *
   * @throws TimeoutException if it has not within the timeout
   */
  public static void awaitCaughtUp(KafkaSettings settings, String applicationId, Duration timeout)
      throws InterruptedException, TimeoutException {
    TopicCatalog topics =
        TopicCatalog.create(settings.topicPrefix(), new InMemorySchemaRegistry(), false);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      while (true) {
        List<String> behind = behind(admin, topics, applicationId);
        if (behind.isEmpty()) {
          behind = staleLedgers(settings, applicationId);
          if (behind.isEmpty()) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(
              applicationId + " has not caught up within " + timeout + ": " + behind);
        }
        Thread.sleep(POLL_MS);
      }
    }
  }

  /** What the application has yet to do, as text; empty when it has caught up. */
  static List<String> behind(Admin admin, TopicCatalog topics, String applicationId)
      throws InterruptedException {
    try {
      List<String> sources =
          new ArrayList<>(
              List.of(
                  topics.deals().name(), topics.restructurings().name(), topics.earnings().name()));
      List<String> sinks = new ArrayList<>(topics.views().stream().map(Topic::name).toList());
      sinks.add(topics.deadLetters().name());
      for (String t : get(admin.listTopics().names())) {
        if (t.startsWith(applicationId + "-")) {
          sinks.add(t);
          if (t.endsWith("-repartition")) {
            sources.add(t);
          }
        }
      }
      List<String> behind = new ArrayList<>(unconsumed(admin, applicationId, sources));
      behind.addAll(openTransactions(admin, sinks));
      return behind;
    } catch (ExecutionException | TimeoutException e) {
      return List.of("offsets unavailable: " + e.getMessage());
    }
  }

  /** The companies whose ledger awaits repricing, from the committed stale-store changelog. */
  static List<String> staleLedgers(KafkaSettings settings, String applicationId) {
    String changelog = applicationId + "-" + MarketCapTopology.STALE_STORE + "-changelog";
    Map<String, Boolean> stale = new TreeMap<>();
    try {
      ViewReader.scanRaw(
          settings,
          changelog,
          Duration.ofMillis(REQUEST_TIMEOUT_MS),
          r -> stale.put(new String(r.key(), StandardCharsets.UTF_8), r.value() != null));
    } catch (TimeoutException | KafkaException e) {
      return List.of(changelog + " not read to its end: " + e.getMessage());
    }
    List<String> out = new ArrayList<>();
    stale.forEach(
        (company, pending) -> {
          if (pending) {
            out.add("the market-cap ledger of " + company + " awaits repricing");
          }
        });
    return out;
  }

  private static List<String> unconsumed(
      Admin admin, String applicationId, Collection<String> sources)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, Long> ends = ends(admin, sources, IsolationLevel.READ_COMMITTED);
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata());
    List<String> out = new ArrayList<>();
    ends.forEach(
        (tp, end) -> {
          OffsetAndMetadata c = committed.get(tp);
          long position = c == null ? 0 : c.offset();
          if (position < end) {
            out.add(tp + " consumed to " + position + " of " + end);
          }
        });
    return out;
  }

  private static List<String> openTransactions(Admin admin, Collection<String> sinks)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, Long> stable = ends(admin, sinks, IsolationLevel.READ_COMMITTED);
    Map<TopicPartition, Long> written = ends(admin, sinks, IsolationLevel.READ_UNCOMMITTED);
    List<String> out = new ArrayList<>();
    stable.forEach(
        (tp, end) -> {
          if (end < written.getOrDefault(tp, end)) {
            out.add(tp + " has an open transaction");
          }
        });
    return out;
  }

  private static Map<TopicPartition, Long> ends(
      Admin admin, Collection<String> topics, IsolationLevel isolation)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, TopicDescription> described =
        get(admin.describeTopics(Set.copyOf(topics)).allTopicNames());
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (TopicDescription d : described.values()) {
      d.partitions()
          .forEach(
              p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    get(admin.listOffsets(request, new ListOffsetsOptions(isolation)).all())
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }
}
