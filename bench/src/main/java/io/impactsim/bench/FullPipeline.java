package io.impactsim.bench;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Contender C: the whole impactsim application, every view, under a fresh application id. Its run
 * ends when {@link io.impactsim.views.Progress} says the views reflect every event: offsets
 * committed at the end of the event and repartition topics, and no transaction open on any output.
 */
final class FullPipeline {
  private FullPipeline() {}

  /** Times from RUNNING to caught up; the events are those its consumer group committed. */
  static Throughput.Run run(
      KafkaSettings settings, String applicationId, Path stateDir, BenchOptions options)
      throws InterruptedException, TimeoutException {
    try (ImpactsimStreams app =
            new ImpactsimStreams(settings, streamsOptions(applicationId, stateDir, options));
        Admin admin = Admin.create(settings.kafkaProperties())) {
      Writes writes = Writes.of(admin, applicationId, outputs(app.topics()));
      Map<String, Long> before = writes.byTopic();
      app.start(options.timeout());
      long cpuBefore = ThreadCpu.of(applicationId);
      long start = System.nanoTime();
      app.awaitCaughtUp(options.timeout());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      long cpu = ThreadCpu.of(applicationId) - cpuBefore;
      return new Throughput.Run(
          committed(settings, app.topics(), applicationId),
          elapsed,
          since(before, writes.byTopic()),
          cpu);
    } finally {
      deleteState(stateDir);
    }
  }

  /** What each topic gained; topics the run created start from zero. */
  private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> gained = new TreeMap<>();
    after.forEach((topic, end) -> gained.put(topic, end - before.getOrDefault(topic, 0L)));
    return gained;
  }

  /** The topics the views write besides their own: the view topics and the dead letters. */
  private static Set<String> outputs(TopicCatalog topics) {
    Set<String> names =
        topics.views().stream().map(Topic::name).collect(Collectors.toCollection(HashSet::new));
    names.add(topics.deadLetters().name());
    return names;
  }

  /** The views' settings with the benchmark's application id, state, partitions and commits. */
  static StreamsOptions streamsOptions(String applicationId, Path stateDir, BenchOptions options) {
    return new StreamsOptions(
        Optional.of(applicationId),
        Optional.of(stateDir),
        Optional.empty(),
        options.partitions(),
        options.commitInterval(),
        StreamsOptions.DEFAULT_THREADS,
        Optional.empty(),
        Map.copyOf(CountingJob.PRODUCER_WORKAROUND));
  }

  /** How many event records the group has committed past: each is processed exactly once. */
  static long committed(KafkaSettings settings, TopicCatalog topics, String groupId)
      throws InterruptedException, TimeoutException {
    Set<String> names =
        EventTopics.of(topics).stream().map(Topic::name).collect(Collectors.toSet());
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      return offsets.entrySet().stream()
          .filter(e -> names.contains(e.getKey().topic()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + groupId, e.getCause());
    }
  }

  static void deleteState(Path dir) {
    try {
      org.apache.kafka.common.utils.Utils.delete(dir.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
