package io.impactsim.views;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.input.ProfileGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * can be read in full. Four conditions, checked in this order, all needed with exactly-once
 * processing:
 *
 * <ol>
 *   <li>its consumer group has committed, for every partition of the event topics, an offset at the
 *       partition's last stable offset (ends read as a read_committed consumer sees them: the last
 *       offset of a transactionally written topic is a commit marker no consumer processes);
 *   <li>no event task holds changes it has not yet sent to the totals: every key of the
 *       pending-changes store's changelog ends in a tombstone. The changes of every event counted
 *       in (1) are then in the repartition topic;
 *   <li>its group has committed the end of every repartition topic;
 *   <li>no transaction is still open on the topics it writes (views, dead letters, internal
 *       topics): a committed transaction's markers reach its partitions one by one, so its offsets
 *       can be visible while a view partition does not show its records yet.
 * </ol>
 *
 * The first condition covers the companies topic too, through the profile gate's group ({@code
 * ProfileGate}): its dead letters are then written. The global thread that fills the profile store
 * commits no offsets; {@link ImpactsimStreams#companiesHeld()} tells what it holds.
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
    awaitCaughtUp(settings, applicationId, timeout, true);
  }

  /**
   * The same for a Kafka Streams application that reads the event topics without impactsim's
   * profile gate beside it (a benchmark's bare job): the companies topic is not waited for.
   */
  public static void awaitEventsConsumed(
      KafkaSettings settings, String applicationId, Duration timeout)
      throws InterruptedException, TimeoutException {
    awaitCaughtUp(settings, applicationId, timeout, false);
  }

  private static void awaitCaughtUp(
      KafkaSettings settings, String applicationId, Duration timeout, boolean profileGate)
      throws InterruptedException, TimeoutException {
    TopicCatalog topics = TopicCatalog.names(settings.topicPrefix());
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(settings.kafkaProperties());
        ChangelogTail pending = new ChangelogTail(settings, pendingChangelog(applicationId))) {
      while (true) {
        List<String> behind = behind(admin, topics, applicationId, pending, profileGate);
        if (behind.isEmpty()) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(
              applicationId + " has not caught up within " + timeout + ": " + behind);
        }
        Thread.sleep(POLL_MS);
      }
    }
  }

  /** The changelog of the event tasks' pending changes. */
  static String pendingChangelog(String applicationId) {
    return applicationId + "-" + ViewsTopology.PENDING_STORE + "-changelog";
  }

  /** What the application has yet to do, as text; empty when it has caught up. */
  static List<String> behind(
      Admin admin,
      TopicCatalog topics,
      String applicationId,
      ChangelogTail pending,
      boolean profileGate)
      throws InterruptedException {
    try {
      List<String> inputs =
          List.of(topics.deals().name(), topics.restructurings().name(), topics.earnings().name());
      List<String> behind = unconsumed(admin, applicationId, inputs);
      if (profileGate) {
        behind.addAll(
            unconsumed(
                admin,
                applicationId + ProfileGate.APPLICATION_ID_SUFFIX,
                List.of(topics.companies().name())));
      }
      if (!behind.isEmpty()) {
        return behind;
      }
      int held = pending.liveKeys(Duration.ofMillis(REQUEST_TIMEOUT_MS));
      if (held > 0) {
        return List.of(held + " target(s) with changes not yet sent to the totals");
      }
      List<String> repartitions = new ArrayList<>();
      List<String> sinks = new ArrayList<>(topics.views().stream().map(Topic::name).toList());
      sinks.add(topics.deadLetters().name());
      for (String t : get(admin.listTopics().names())) {
        if (t.startsWith(applicationId + "-")) {
          sinks.add(t);
          if (t.endsWith("-repartition")) {
            repartitions.add(t);
          }
        }
      }
      behind = new ArrayList<>(unconsumed(admin, applicationId, repartitions));
      behind.addAll(openTransactions(admin, sinks));
      return behind;
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      return List.of("progress unavailable: " + e.getMessage());
    }
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
