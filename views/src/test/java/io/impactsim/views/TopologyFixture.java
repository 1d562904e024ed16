package io.impactsim.views;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The whole topology in a TopologyTestDriver, with registry-backed serdes held in memory. */
public final class TopologyFixture implements AutoCloseable {
  public final TopicCatalog topics;
  public final TopologyTestDriver driver;

  public TopologyFixture(Path stateDir) {
    this(stateDir, Map.of());
  }

  /** The topology with further Kafka Streams (or impactsim) settings. */
  public TopologyFixture(Path stateDir, Map<String, String> settings) {
    topics = TopicCatalog.create("test", new InMemorySchemaRegistry(), true);
    Map<String, String> overrides =
        new java.util.HashMap<>(
            Map.of(
                // Without record caches every update is visible at once.
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
                "0",
                // The driver's mock producer drops dead letters that the exception handlers
                // write inside a transaction; the broker tests cover exactly-once.
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.AT_LEAST_ONCE));
    overrides.putAll(settings);
    StreamsOptions options =
        StreamsOptions.defaults().withStateDir(stateDir).withOverrides(overrides);
    Properties props =
        ImpactsimStreams.config(
            new KafkaSettings("unused:9092", "mock://registry", Map.of(), "test"), options, topics);
    driver =
        new TopologyTestDriver(
            ImpactsimTopology.build(
                new TopologySettings(topics, options.model(), options.commitInterval())),
            props);
  }

  /** Lets a flush interval pass: the event tasks send their pending changes to the totals. */
  public void flush() {
    driver.advanceWallClockTime(TopologySettings.DEFAULT_FLUSH_INTERVAL);
  }

  public <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  public TestInputTopic<String, byte[]> rawInput(Topic<String, ?> topic) {
    return driver.createInputTopic(
        topic.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  public <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  public TestOutputTopic<byte[], byte[]> deadLetters() {
    return driver.createOutputTopic(
        topics.deadLetters().name(),
        Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  /** Publishes a deal as the producer would: keyed by contract, stamped with its event time. */
  public void publish(TestInputTopic<String, DealAnnounced> deals, DealAnnounced deal) {
    deals.pipeInput(Events.keyOf(deal), deal, deal.getMeta().getOccurredAt());
  }

  public <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  public <V> Optional<V> storeValue(String store, String key) {
    KeyValueStore<String, V> kv = driver.getKeyValueStore(store);
    return Optional.ofNullable(kv.get(key));
  }

  @Override
  public void close() {
    driver.close();
  }
}
