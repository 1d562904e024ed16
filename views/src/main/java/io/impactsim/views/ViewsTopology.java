package io.impactsim.views;

import io.impactsim.model.ImpactModel;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.events.EventProcessor;
import io.impactsim.views.events.EventStoreSerdes;
import io.impactsim.views.events.EventStores;
import io.impactsim.views.totals.TargetDelta;
import io.impactsim.views.totals.TotalsProcessor;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The three views (market share, capex, market cap) in two steps that need no ordering:
 *
 * <ol>
 *   <li>one pass over the events ({@link EventProcessor}), on the event partitions: each event is
 *       priced where it lands and its reactions record published; its changes to companies and
 *       segments are summed per target and sent on once per flush interval;
 *   <li>the totals ({@link TotalsProcessor}), behind one repartition by target: changes are added
 *       (integer sums and maxima, which commute) and each changed view record published.
 * </ol>
 *
 * The latest record of every view key is therefore the same for every interleaving and partitioning
 * of the same log; only how many intermediate records appear depends on timing.
 */
public final class ViewsTopology {
  /** Every report of each contract, keyed by contract (the deals' key). */
  public static final String CONTRACTS_STORE = "event-contracts";

  /** Each company's recent quarterly reports, keyed by company (the earnings' key). */
  public static final String EARNINGS_STORE = "event-earnings";

  /** Event ids of the restructurings applied. */
  public static final String RESTRUCTURINGS_STORE = "event-restructurings-seen";

  /** Changes computed by an event task and not yet sent, keyed by target. */
  public static final String PENDING_STORE = "event-pending-changes";

  /** The totals of every target: company value and capex, segment shares. */
  public static final String TOTALS_STORE = "view-totals";

  /** The repartition topic that brings each target's changes to one task. */
  public static final String CHANGES_BY_TARGET = "view-changes-by-target";

  private ViewsTopology() {}

  /** Adds the views to the builder; {@code inputs} must come from the same builder. */
  public static void addTo(
      StreamsBuilder builder,
      Inputs inputs,
      TopicCatalog topics,
      ImpactModel model,
      Duration flushInterval) {
    Serde<TargetDelta> changes = TargetDelta.serde(topics);
    EventStores stores =
        new EventStores(CONTRACTS_STORE, EARNINGS_STORE, RESTRUCTURINGS_STORE, PENDING_STORE);
    EventStoreSerdes serdes = new EventStoreSerdes(topics);
    builder.addStateStore(store(CONTRACTS_STORE, serdes.contracts()));
    builder.addStateStore(store(EARNINGS_STORE, serdes.earnings()));
    builder.addStateStore(store(RESTRUCTURINGS_STORE, Serdes.Long()));
    builder.addStateStore(store(PENDING_STORE, changes).withCachingEnabled());
    builder.addStateStore(store(TOTALS_STORE, changes).withCachingEnabled());

    KStream<String, SpecificRecord> events =
        inputs
            .deals()
            .mapValues(v -> (SpecificRecord) v, Named.as("deals-as-events"))
            .merge(
                inputs
                    .restructurings()
                    .mapValues(v -> (SpecificRecord) v, Named.as("restructurings-as-events")),
                Named.as("events-merge-restructurings"))
            .merge(
                inputs
                    .earnings()
                    .mapValues(v -> (SpecificRecord) v, Named.as("earnings-as-events")),
                Named.as("events-merge-earnings"));
    Map<String, KStream<String, Object>> priced =
        events
            .process(
                () -> new EventProcessor(stores, model, inputs.profiles(), flushInterval),
                Named.as("view-events"),
                CONTRACTS_STORE,
                EARNINGS_STORE,
                RESTRUCTURINGS_STORE,
                PENDING_STORE)
            .split(Named.as("view-events-"))
            .branch((k, v) -> v instanceof EventReactions, Branched.as("reactions"))
            .defaultBranch(Branched.as("changes"));
    sink(priced.get("view-events-reactions"), topics.marketCapReactions(), "market-cap-reactions");

    Map<String, KStream<String, Object>> views =
        priced
            .get("view-events-changes")
            .mapValues(v -> (TargetDelta) v, Named.as("view-changes"))
            .repartition(
                Repartitioned.<String, TargetDelta>as(CHANGES_BY_TARGET)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(changes))
            .process(
                () -> new TotalsProcessor(TOTALS_STORE, model.config().bandZ()),
                Named.as(TOTALS_STORE),
                TOTALS_STORE)
            .mapValues(v -> (Object) v, Named.as("view-records"))
            .split(Named.as("view-"))
            .branch((k, v) -> v instanceof SimulatedMarketCap, Branched.as("market-cap"))
            .branch((k, v) -> v instanceof CapexCommitments, Branched.as("capex"))
            .branch((k, v) -> v instanceof MarketShareSnapshot, Branched.as("market-share"))
            .noDefaultBranch();
    sink(views.get("view-market-cap"), topics.marketCap(), "market-cap-values");
    sink(views.get("view-capex"), topics.capex(), "capex");
    sink(views.get("view-market-share"), topics.marketShare(), "market-share");
  }

  private static <V> StoreBuilder<org.apache.kafka.streams.state.KeyValueStore<String, V>> store(
      String name, Serde<V> serde) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), serde);
  }

  @SuppressWarnings("unchecked")
  private static <V extends SpecificRecord> void sink(
      KStream<String, Object> stream, Topic<String, V> topic, String name) {
    stream
        .mapValues(v -> (V) v, Named.as(name + "-records"))
        .to(
            topic.name(),
            Produced.with(topic.keySerde(), topic.valueSerde()).withName(name + "-sink"));
  }
}
