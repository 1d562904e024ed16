package io.impactsim.bench;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Contender B, the peer: the smallest useful Kafka Streams job over the same event topics, decoding
 * each Avro value and counting events per key into a store and an output topic, with the views'
 * exactly-once and commit settings.
 */
final class CountingJob {
  /**
   * Applied to both Streams jobs alike. With several requests in flight, the first produce of a new
   * transactional producer (transactions v2) was refused with CONCURRENT_TRANSACTIONS, its
   * successors then with OUT_OF_ORDER_SEQUENCE_NUMBER on every retry, and the views stalled.
   */
  static final Map<String, String> PRODUCER_WORKAROUND =
      Map.of(
          StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), "1");

  private CountingJob() {}

  /** One count per event topic, each in its own store {@code <topic>-counts}. */
  static Topology build(TopicCatalog topics, String outputTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    for (Topic<String, ?> t : EventTopics.of(topics)) {
      addCount(builder, t, outputTopic);
    }
    return builder.build();
  }

  private static <V> void addCount(StreamsBuilder builder, Topic<String, V> t, String output) {
    builder.stream(
            t.name(), Consumed.with(t.keySerde(), t.valueSerde()).withName(t.name() + "-source"))
        .groupByKey(Grouped.with(t.name() + "-by-key", t.keySerde(), t.valueSerde()))
        .count(
            Named.as(t.name() + "-count"),
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(storeName(t))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()))
        .toStream(Named.as(t.name() + "-count-changes"))
        .to(output, Produced.with(Serdes.String(), Serdes.Long()).withName(t.name() + "-sink"));
  }

  private static String storeName(Topic<String, ?> t) {
    return t.name() + "-counts";
  }

  /**
   * Runs the job under a fresh application id until it has caught up with the event topics; times
   * from RUNNING to caught up, as for the views, and counts the events its stores hold.
   */
  static Throughput.Run run(
      KafkaSettings settings,
      TopicCatalog topics,
      String applicationId,
      Path stateDir,
      BenchOptions options)
      throws InterruptedException, TimeoutException {
    String output = applicationId + "-counts";
    createOutput(settings, output, options);
    Properties p = settings.kafkaProperties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, options.commitInterval().toMillis());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.putAll(PRODUCER_WORKAROUND);
    KafkaStreams streams = new KafkaStreams(build(topics, output), p);
    CompletableFuture<Void> running = new CompletableFuture<>();
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.complete(null);
          } else if (now == KafkaStreams.State.ERROR) {
            running.completeExceptionally(new IllegalStateException("the counting job failed"));
          }
        });
    try {
      streams.start();
      awaitRunning(running, options.timeout());
      long cpuBefore = ThreadCpu.of(applicationId);
      long start = System.nanoTime();
      Progress.awaitEventsConsumed(settings, applicationId, options.timeout());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      long cpu = ThreadCpu.of(applicationId) - cpuBefore;
      return new Throughput.Run(
          counted(streams, topics), elapsed, written(settings, applicationId), cpu);
    } finally {
      streams.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(Duration.ofSeconds(30)));
      streams.cleanUp();
    }
  }

  /** Its changelogs, repartition topics and its output, all named after the application id. */
  private static Map<String, Long> written(KafkaSettings settings, String applicationId)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      return Writes.of(admin, applicationId, Set.of()).byTopic();
    }
  }

  private static void awaitRunning(CompletableFuture<Void> running, Duration timeout)
      throws InterruptedException, TimeoutException {
    try {
      running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  private static void createOutput(KafkaSettings settings, String name, BenchOptions options)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      TopicAdmin.ensureTopics(
          admin,
          List.of(new NewTopic(name, Optional.of(options.partitions()), Optional.empty())),
          options.timeout());
    }
  }

  private static long counted(KafkaStreams streams, TopicCatalog topics) {
    long total = 0;
    for (Topic<String, ?> t : EventTopics.of(topics)) {
      ReadOnlyKeyValueStore<String, Long> store =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  storeName(t), QueryableStoreTypes.<String, Long>keyValueStore()));
      try (KeyValueIterator<String, Long> all = store.all()) {
        while (all.hasNext()) {
          KeyValue<String, Long> kv = all.next();
          total += kv.value;
        }
      }
    }
    return total;
  }
}
