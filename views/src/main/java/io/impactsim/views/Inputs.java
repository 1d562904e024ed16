package io.impactsim.views;

import io.impactsim.model.ProfileBook;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.input.CapturingSerde;
import io.impactsim.views.input.EventTimeExtractor;
import io.impactsim.views.input.Gated;
import io.impactsim.views.input.InputGate;
import io.impactsim.views.input.KeyRules;
import io.impactsim.views.input.Validation;
import io.impactsim.views.marketcap.ProfileHistoryProcessor;
import io.impactsim.views.marketcap.ProfileHistorySerde;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The application's inputs, created once per {@link StreamsBuilder} and shared by every view: each
 * event stream is validated and its key checked against its value (failures go to the dead-letter
 * topic once, with the original bytes and the reason), and carries event time as its record
 * timestamp. De-duplication by event id happens where each entity's state is kept.
 *
 * <p>Company profiles feed a global store of every company's profile history and the application's
 * {@link ProfileBook}, so that any task can price any company against the profile in effect at an
 * event's time.
 *
 * @param deals validated deals keyed by contract id (deal id without a contract)
 * @param restructurings validated restructurings keyed by company
 * @param earnings validated earnings reports keyed by company
 * @param profiles every company's profile history
 */
public record Inputs(
    KStream<String, DealAnnounced> deals,
    KStream<String, RestructuringAnnounced> restructurings,
    KStream<String, EarningsReported> earnings,
    ProfileBook profiles) {

  /** Name of the global store of company profile histories, keyed by company id. */
  public static final String COMPANY_PROFILES_STORE = "company-profiles";

  /** Adds the sources, gates and dead-letter sinks of every input to the builder. */
  public static Inputs from(StreamsBuilder builder, TopicCatalog topics) {
    Gate gate = new Gate(builder, topics.deadLetters());
    return new Inputs(
        gate.admit("deals", topics.deals(), Validation::deal),
        gate.admit("restructurings", topics.restructurings(), Validation::restructuring),
        gate.admit("earnings", topics.earnings(), Validation::earnings),
        profiles(builder, topics));
  }

  private static ProfileBook profiles(StreamsBuilder builder, TopicCatalog topics) {
    ProfileBook book = new ProfileBook();
    Topic<String, CompanyProfile> topic = topics.companies();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(COMPANY_PROFILES_STORE),
                Serdes.String(),
                new ProfileHistorySerde(topics))
            .withLoggingDisabled(),
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(COMPANY_PROFILES_STORE),
        () -> new ProfileHistoryProcessor(COMPANY_PROFILES_STORE, book));
    return book;
  }

  private record Gate(StreamsBuilder builder, Topic<byte[], byte[]> deadLetters) {

    <V extends SpecificRecord> KStream<String, V> admit(
        String name,
        Topic<String, V> topic,
        java.util.function.Function<V, Optional<String>> rules) {
      BiFunction<String, V, Optional<String>> checks =
          (key, value) -> rules.apply(value).or(() -> KeyRules.mismatch(key, value));
      Map<String, KStream<String, Gated<V>>> branches =
          builder.stream(
                  topic.name(),
                  Consumed.with(Serdes.String(), new CapturingSerde<>(topic.valueSerde()))
                      .withTimestampExtractor(new EventTimeExtractor())
                      .withName(name + "-source"))
              .processValues(() -> new InputGate<>(checks), Named.as(name + "-gate"))
              .split(Named.as(name + "-"))
              .branch((key, gated) -> gated.rejected(), Branched.as("rejected"))
              .defaultBranch(Branched.as("accepted"));
      // The dead letter's key is the original one, unless the letter was too large with it.
      branches
          .get(name + "-rejected")
          .map(
              (key, gated) -> KeyValue.pair(gated.deadLetterKey(), gated.bytes()),
              Named.as(name + "-rejected-bytes"))
          .to(
              deadLetters.name(),
              Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                  .withName(name + "-dead-letters"));
      return branches
          .get(name + "-accepted")
          .mapValues(Gated::value, Named.as(name + "-accepted-values"));
    }
  }
}
