package io.impactsim.streams.marketcap;

import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.Inputs;
import io.impactsim.streams.impact.Fixtures;
import io.impactsim.streams.impact.ImpactModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The inputs and the market-cap view alone in a TopologyTestDriver, profiles preloaded. */
final class MarketCapDriver implements AutoCloseable {
  final TopicCatalog topics = TopicCatalog.create("mc", new InMemorySchemaRegistry(), true);
  final TopologyTestDriver driver;

  MarketCapDriver(Path stateDir) {
    this(stateDir, Fixtures.profiles());
  }

  /** A driver whose company topic starts with the given profiles; late impacts repriced at once. */
  MarketCapDriver(Path stateDir, List<CompanyProfile> profiles) {
    this(stateDir, profiles, Duration.ZERO);
  }

  /**
   * A driver whose ledger reprices late impacts every {@code repriceInterval} of wall-clock time.
   */
  MarketCapDriver(Path stateDir, List<CompanyProfile> profiles, Duration repriceInterval) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "market-cap-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // Without record caches every update is visible at once, so tests see each step.
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    driver = new TopologyTestDriver(topology(topics, props, repriceInterval), props);
    for (CompanyProfile p : profiles) {
      pipe(topics.companies(), p.getId(), p, p.getMeta().getOccurredAt().toEpochMilli());
    }
  }

  static Topology topology(TopicCatalog topics, Properties props, Duration repriceInterval) {
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    Inputs inputs = Inputs.from(builder, topics);
    MarketCapTopology.addTo(builder, inputs, topics, ImpactModel.withDefaults(), repriceInterval);
    return builder.build();
  }

  /** Publishes an event as the producer does: its documented key, stamped with its event time. */
  void publish(InputEvent event) {
    pipe(event.topicIn(topics), event.key(), event.value(), time(event.occurredAt()));
  }

  void deal(DealAnnounced deal) {
    pipe(topics.deals(), deal.getContractId(), deal, time(deal.getMeta().getOccurredAt()));
  }

  void restructuring(RestructuringAnnounced r) {
    pipe(topics.restructurings(), r.getCompany(), r, time(r.getMeta().getOccurredAt()));
  }

  void earnings(EarningsReported e) {
    pipe(topics.earnings(), e.getCompany(), e, time(e.getMeta().getOccurredAt()));
  }

  /** Lets wall-clock time pass, running the ledger's repricing when its interval is due. */
  void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  /** The companies whose ledger awaits repricing. */
  /** A ledger metric ({@code impacts-total}, ...) summed over the ledger tasks. */
  double ledgerMetric(String name) {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().group().equals(LedgerMetrics.GROUP))
        .filter(e -> e.getKey().name().equals(name))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }

  List<String> staleCompanies() {
    List<String> companies = new ArrayList<>();
    KeyValueStore<String, String> stale = driver.getKeyValueStore(MarketCapTopology.STALE_STORE);
    try (KeyValueIterator<String, String> all = stale.all()) {
      all.forEachRemaining(kv -> companies.add(kv.key));
    }
    return companies;
  }

  List<KeyValue<String, MarketCapReaction>> reactions() {
    return read(topics.marketCapReactions());
  }

  List<KeyValue<String, SimulatedMarketCap>> values() {
    return read(topics.marketCap());
  }

  /** The latest record per key of both outputs, as one comparable map; reads them. */
  Map<String, Object> latestOutputs() {
    Map<String, Object> state = new TreeMap<>();
    reactions().forEach(kv -> state.put("reaction " + kv.key, kv.value));
    values().forEach(kv -> state.put("value " + kv.key, kv.value));
    return state;
  }

  /** The latest record per key of both outputs, and the ledger, as one comparable map. */
  Map<String, Object> finalState() {
    Map<String, Object> state = latestOutputs();
    KeyValueStore<String, LedgerEntry> ledger =
        driver.getKeyValueStore(MarketCapTopology.LEDGER_STORE);
    try (KeyValueIterator<String, LedgerEntry> all = ledger.all()) {
      all.forEachRemaining(kv -> state.put("ledger " + kv.key, kv.value));
    }
    return state;
  }

  private <V> List<KeyValue<String, V>> read(Topic<String, V> topic) {
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToList();
  }

  private <V> void pipe(Topic<String, V> topic, String key, V value, long timestamp) {
    driver
        .createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
        .pipeInput(key, value, timestamp);
  }

  private static long time(java.time.Instant at) {
    return at.toEpochMilli();
  }

  @Override
  public void close() {
    driver.close();
  }
}
