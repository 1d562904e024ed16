package io.impactsim.streams;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.input.CapturingSerde;
import io.impactsim.streams.input.EventTimeExtractor;
import io.impactsim.streams.input.Gated;
import io.impactsim.streams.input.InputGate;
import io.impactsim.streams.input.Validation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The application's input streams, created once per {@link StreamsBuilder} and shared by every
 * view: each event stream is validated (failures go to the dead-letter topic with the original
 * bytes) and de-duplicated by event id, and carries event time as its record timestamp.
 *
 * <p>Company profiles are a {@link GlobalKTable} materialized as {@link #COMPANY_PROFILES_STORE}:
 * every task sees every profile, so a view keyed by deal or by company can look up any company and
 * iterate all companies of a segment without a repartition.
 *
 * @param deals validated, de-duplicated deals keyed by contract id (deal id without a contract)
 * @param restructurings validated, de-duplicated restructurings keyed by company
 * @param earnings validated, de-duplicated earnings reports keyed by company
 * @param companies the latest profile of every company, keyed by company id
 */
public record Inputs(
    KStream<String, DealAnnounced> deals,
    KStream<String, RestructuringAnnounced> restructurings,
    KStream<String, EarningsReported> earnings,
    GlobalKTable<String, CompanyProfile> companies) {

  /**
   * Name of the global store of company profiles, readable from any processor with {@code
   * context.getStateStore}: a {@code TimestampedKeyValueStore<String, CompanyProfile>}, whose
   * values come wrapped in {@code ValueAndTimestamp}.
   */
  public static final String COMPANY_PROFILES_STORE = "company-profiles";

  /** Name of the store of event ids already admitted from an input, e.g. {@code deals}. */
  public static String seenEventsStore(String input) {
    return input + "-seen-events";
  }

  /** Adds the sources, gates and dead-letter sinks of every input to the builder. */
  public static Inputs from(StreamsBuilder builder, TopicCatalog topics) {
    Gate gate = new Gate(builder, topics.deadLetters());
    return new Inputs(
        gate.admit("deals", topics.deals(), Validation::deal),
        gate.admit("restructurings", topics.restructurings(), Validation::restructuring),
        gate.admit("earnings", topics.earnings(), Validation::earnings),
        companies(builder, topics.companies()));
  }

  private static GlobalKTable<String, CompanyProfile> companies(
      StreamsBuilder builder, Topic<String, CompanyProfile> topic) {
    return builder.globalTable(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(COMPANY_PROFILES_STORE),
        Materialized.<String, CompanyProfile, KeyValueStore<Bytes, byte[]>>as(
                COMPANY_PROFILES_STORE)
            .withKeySerde(topic.keySerde())
            .withValueSerde(topic.valueSerde()));
  }

  private record Gate(StreamsBuilder builder, Topic<byte[], byte[]> deadLetters) {

    <V extends SpecificRecord> KStream<String, V> admit(
        String name, Topic<String, V> topic, Function<V, Optional<String>> validation) {
      String store = seenEventsStore(name);
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.Long()));
      Map<String, KStream<String, Gated<V>>> branches =
          builder.stream(
                  topic.name(),
                  Consumed.with(Serdes.String(), new CapturingSerde<>(topic.valueSerde()))
                      .withTimestampExtractor(new EventTimeExtractor())
                      .withName(name + "-source"))
              .processValues(
                  () -> new InputGate<>(store, validation), Named.as(name + "-gate"), store)
              .split(Named.as(name + "-"))
              .branch((key, gated) -> gated.rejected(), Branched.as("rejected"))
              .defaultBranch(Branched.as("accepted"));
      branches
          .get(name + "-rejected")
          .mapValues(Gated::bytes, Named.as(name + "-rejected-bytes"))
          .to(
              deadLetters.name(),
              Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-dead-letters"));
      return branches
          .get(name + "-accepted")
          .mapValues(Gated::value, Named.as(name + "-accepted-values"));
    }
  }
}
