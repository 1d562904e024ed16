package io.impactsim.views.marketcap;

import io.impactsim.model.Fixtures;
import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.CompanyReaction;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.ImpactsimTopology;
import io.impactsim.views.TopologySettings;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology in a TopologyTestDriver, profiles preloaded, with helpers for the market-cap
 * view: reactions by event and company, and the values once the event task has sent its changes.
 */
final class MarketCapDriver implements AutoCloseable {
  static final Duration FLUSH = TopologySettings.DEFAULT_FLUSH_INTERVAL;

  final TopicCatalog topics;
  final TopologyTestDriver driver;
  private final Map<String, EventReactions> reactions = new TreeMap<>();
  private final Map<String, SimulatedMarketCap> values = new TreeMap<>();

  MarketCapDriver(Path stateDir) {
    this(stateDir, Fixtures.profiles());
  }

  MarketCapDriver(Path stateDir, List<CompanyProfile> profiles) {
    this(stateDir, profiles, 0);
  }

  /** A driver whose stores cache up to {@code cacheBytes} (0: every update written at once). */
  MarketCapDriver(Path stateDir, List<CompanyProfile> profiles, long cacheBytes) {
    this(stateDir, profiles, cacheBytes, new InMemorySchemaRegistry());
  }

  /**
   * A driver writing through the given registry: drivers that share one write the same schema ids,
   * so their outputs compare byte for byte.
   */
  MarketCapDriver(
      Path stateDir, List<CompanyProfile> profiles, long cacheBytes, SchemaRegistry registry) {
    topics = TopicCatalog.create("mc", registry, true);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "market-cap-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
    props.putAll(ImpactsimTopology.optimizationConfig());
    driver = new TopologyTestDriver(ImpactsimTopology.build(TopologySettings.of(topics)), props);
    profiles.forEach(this::profile);
  }

  void profile(CompanyProfile p) {
    pipe(topics.companies(), p.getId(), p, p.getMeta().getOccurredAt().toEpochMilli());
  }

  /** Publishes an event as the producer does: its documented key, stamped with its event time. */
  void publish(InputEvent event) {
    pipe(event.topicIn(topics), event.key(), event.value(), time(event.occurredAt()));
  }

  void deal(DealAnnounced deal) {
    String key = deal.getContractId() != null ? deal.getContractId() : deal.getDealId();
    pipe(topics.deals(), key, deal, time(deal.getMeta().getOccurredAt()));
  }

  void restructuring(RestructuringAnnounced r) {
    pipe(topics.restructurings(), r.getCompany(), r, time(r.getMeta().getOccurredAt()));
  }

  void earnings(EarningsReported e) {
    pipe(topics.earnings(), e.getCompany(), e, time(e.getMeta().getOccurredAt()));
  }

  /** Lets a flush interval of wall-clock time pass: the event tasks send their changes. */
  void flush() {
    driver.advanceWallClockTime(FLUSH);
  }

  /** The latest reactions record of every event, read so far. */
  Map<String, EventReactions> reactions() {
    read(topics.marketCapReactions()).forEach(kv -> put(reactions, kv));
    return reactions;
  }

  /** The reactions records written since the last read, in order. */
  List<KeyValue<String, EventReactions>> newReactionRecords() {
    List<KeyValue<String, EventReactions>> records = read(topics.marketCapReactions());
    records.forEach(kv -> put(reactions, kv));
    return records;
  }

  /** The market-cap records written since the last read, after the pending changes are sent. */
  List<KeyValue<String, SimulatedMarketCap>> newValueRecords() {
    flush();
    List<KeyValue<String, SimulatedMarketCap>> records = read(topics.marketCap());
    records.forEach(kv -> put(values, kv));
    return records;
  }

  /** One company's reaction to one event. */
  CompanyReaction reaction(String eventId, String company) {
    EventReactions r = reactions().get(eventId);
    if (r == null) {
      throw new AssertionError("no reactions record of " + eventId);
    }
    return r.getReactions().stream()
        .filter(c -> c.getCompany().equals(company))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no reaction of " + company + " to " + eventId));
  }

  /** The latest value of every company, after the pending changes are sent. */
  Map<String, SimulatedMarketCap> values() {
    flush();
    read(topics.marketCap()).forEach(kv -> put(values, kv));
    return values;
  }

  SimulatedMarketCap value(String company) {
    SimulatedMarketCap v = values().get(company);
    if (v == null) {
      throw new AssertionError("no value of " + company);
    }
    return v;
  }

  /** The latest record per key of both outputs, as one comparable map. */
  Map<String, Object> latestOutputs() {
    Map<String, Object> state = new TreeMap<>();
    values().forEach((k, v) -> state.put("value " + k, v));
    reactions().forEach((k, v) -> state.put("reaction " + k, v));
    return state;
  }

  /** The latest bytes of every key of every view topic, after the pending changes are sent. */
  Map<String, ByteBuffer> latestBytes() {
    flush();
    Map<String, ByteBuffer> latest = new TreeMap<>();
    for (Topic<String, ?> view : topics.views()) {
      driver
          .createOutputTopic(view.name(), new StringDeserializer(), new ByteArrayDeserializer())
          .readKeyValuesToList()
          .forEach(
              kv -> {
                String key = view.name() + " " + kv.key;
                if (kv.value == null) {
                  latest.remove(key);
                } else {
                  latest.put(key, ByteBuffer.wrap(kv.value));
                }
              });
    }
    return latest;
  }

  private static <V> void put(Map<String, V> latest, KeyValue<String, V> kv) {
    if (kv.value == null) {
      latest.remove(kv.key);
    } else {
      latest.put(kv.key, kv.value);
    }
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

  private static long time(Instant at) {
    return at.toEpochMilli();
  }

  @Override
  public void close() {
    driver.close();
  }
}
