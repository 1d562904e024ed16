package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.InputLag;
import io.impactsim.streams.Inputs;
import io.impactsim.streams.impact.ImpactModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The market-cap view: every event's modelled reaction on each affected company ({@code
 * <eventId>|<company>}) and each company's running simulated value. Events become per-company
 * impacts where they arrive (the model reads profiles from the global store), are repartitioned by
 * company, and each company's ledger applies them in event-time order; the event tasks' watermarks
 * travel with the impacts so that the ledgers price them once they are in order.
 *
 * <p>An event gives no reaction to a company whose profile is not yet in the global store when the
 * event is processed; profiles are meant to be published before the events that name them.
 */
public final class MarketCapTopology {
  /** Store of every report of each contract, keyed by contract (the deals' key). */
  public static final String CONTRACTS_STORE = "market-cap-contracts";

  /** Store of each company's recent quarterly reports, keyed by company. */
  public static final String EARNINGS_HISTORY_STORE = "market-cap-earnings-history";

  /** Store of every applied event per company, keyed {@code <company>|<time>|<eventId>}. */
  public static final String LEDGER_STORE = "market-cap-ledger";

  /** Store of the companies whose ledger awaits repricing, with the first key to reprice. */
  public static final String STALE_STORE = "market-cap-ledger-stale";

  /** Store of the latest watermark of each event task, keyed by its partition. */
  public static final String WATERMARKS_STORE = "market-cap-watermarks";

  /** Name of the repartition topic that brings each company's impacts to one task. */
  public static final String IMPACTS_BY_COMPANY = "market-cap-impacts-by-company";

  private MarketCapTopology() {}

  /** Adds the view, its inputs counting as read to their end; for tests of the topology. */
  public static void addTo(
      StreamsBuilder builder,
      Inputs inputs,
      TopicCatalog topics,
      ImpactModel model,
      Duration repriceInterval) {
    addTo(builder, inputs, topics, model, repriceInterval, new InputLag());
  }

  /** Adds the view to the builder; {@code inputs} must come from the same builder. */
  public static void addTo(
      StreamsBuilder builder,
      Inputs inputs,
      TopicCatalog topics,
      ImpactModel model,
      Duration repriceInterval,
      InputLag inputLag) {
    // One index of the profiles by segment for every processor of the application.
    SegmentIndex segments = new SegmentIndex();
    List<String> eventTopics =
        List.of(topics.deals().name(), topics.restructurings().name(), topics.earnings().name());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CONTRACTS_STORE),
            Serdes.String(),
            ContractReports.SERDE));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EARNINGS_HISTORY_STORE),
            Serdes.String(),
            new EarningsHistorySerde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(LEDGER_STORE), Serdes.String(), LedgerEntry.SERDE));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STALE_STORE), Serdes.String(), Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(WATERMARKS_STORE), Serdes.String(), Serdes.Long()));

    KStream<String, MarketCapReaction> dealImpacts =
        inputs
            .deals()
            .process(
                () -> new DealImpactProcessor(CONTRACTS_STORE, model, segments),
                Named.as("market-cap-deal-impacts"),
                CONTRACTS_STORE);
    KStream<String, MarketCapReaction> restructuringImpacts =
        inputs
            .restructurings()
            .process(
                () ->
                    new EventImpactProcessor<RestructuringAnnounced>(
                        "restructuring",
                        RestructuringAnnounced::getMeta,
                        model::restructuring,
                        model.version(),
                        segments),
                Named.as("market-cap-restructuring-impacts"));
    KStream<String, MarketCapReaction> earningsImpacts =
        inputs
            .earnings()
            .process(
                () -> new EarningsImpactProcessor(EARNINGS_HISTORY_STORE, model, segments),
                Named.as("market-cap-earnings-impacts"),
                EARNINGS_HISTORY_STORE);

    Map<String, KStream<String, SpecificRecord>> outputs =
        dealImpacts
            .merge(restructuringImpacts, Named.as("market-cap-merge-restructurings"))
            .merge(earningsImpacts, Named.as("market-cap-merge-earnings"))
            .process(
                () -> new WatermarkEmitter(repriceInterval, inputLag, eventTopics),
                Named.as("market-cap-watermarks"))
            .repartition(
                Repartitioned.<String, LedgerInput>as(IMPACTS_BY_COMPANY)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(LedgerInput.SERDE)
                    .withStreamPartitioner(new LedgerPartitioner()))
            .process(
                () ->
                    new CompanyLedger(
                        LEDGER_STORE,
                        STALE_STORE,
                        WATERMARKS_STORE,
                        new MarketCapPricing(model.config().bandZ()),
                        repriceInterval),
                Named.as("market-cap-ledger"),
                LEDGER_STORE,
                STALE_STORE,
                WATERMARKS_STORE)
            .split(Named.as("market-cap-"))
            .branch((company, out) -> out instanceof MarketCapReaction, Branched.as("reactions"))
            .defaultBranch(Branched.as("values"));

    Topic<String, MarketCapReaction> reactions = topics.marketCapReactions();
    outputs
        .get("market-cap-reactions")
        .mapValues(out -> (MarketCapReaction) out, Named.as("market-cap-as-reaction"))
        .to(
            reactions.name(),
            Produced.with(reactions.keySerde(), reactions.valueSerde())
                .withName("market-cap-reactions-sink"));
    Topic<String, SimulatedMarketCap> values = topics.marketCap();
    outputs
        .get("market-cap-values")
        .mapValues(out -> (SimulatedMarketCap) out, Named.as("market-cap-as-value"))
        .to(
            values.name(),
            Produced.with(values.keySerde(), values.valueSerde())
                .withName("market-cap-values-sink"));
  }
}
