package io.impactsim.streams.share;

import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.Inputs;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The market-share view: each provider's share of the committed contract value of a segment, for
 * all time ({@code ALL}) and per calendar quarter of event time.
 *
 * <p>Built for a market of thousands of providers in three steps, none of which funnels every deal
 * through one key: (1) contracts, on the deal partitions, turn each report into a change of one
 * provider bucket {@code <segment>|<period>|<provider>}; (2) buckets, repartitioned by provider,
 * keep each provider's totals; (3) segments, repartitioned by {@code <segment>|<period>}, hold one
 * entry per provider and publish the snapshot. Step 3 sees one record per change of a provider's
 * totals (fewer still once record caches absorb bursts), and its state grows with the number of
 * providers, not of deals.
 */
public final class MarketShareTopology {
  /** Default time a quarter stays open for late reports after it ends, in event time. */
  public static final Duration DEFAULT_GRACE = Duration.ofDays(30);

  /** Store of each contract's report in force and the figures it contributed. */
  public static final String CONTRACTS_STORE = "share-contracts";

  /** Store of each provider's totals, keyed by {@code <segment>|<period>|<provider>}. */
  public static final String PROVIDER_TOTALS_STORE = "share-provider-totals";

  /** Store of every provider's totals of a segment, keyed by {@code <segment>|<period>}. */
  public static final String SEGMENT_PROVIDERS_STORE = "share-segment-providers";

  private MarketShareTopology() {}

  /** Adds the view with the default grace period. */
  public static void addTo(StreamsBuilder builder, Inputs inputs, TopicCatalog topics) {
    addTo(builder, inputs, topics, DEFAULT_GRACE);
  }

  /** Adds the view; a quarter accepts late reports until {@code grace} after its end. */
  public static void addTo(
      StreamsBuilder builder, Inputs inputs, TopicCatalog topics, Duration grace) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CONTRACTS_STORE), Serdes.String(), ContractState.SERDE));
    Topic<String, MarketShareSnapshot> out = topics.marketShare();
    inputs
        .deals()
        .process(
            () -> new ContractLedger(CONTRACTS_STORE, grace),
            Named.as("share-contract-ledger"),
            CONTRACTS_STORE)
        .groupByKey(Grouped.with("share-changes-by-provider", Serdes.String(), ShareFigures.SERDE))
        .aggregate(
            () -> ShareFigures.NONE,
            (bucket, change, total) -> total.plus(change),
            Named.as("share-provider-totals"),
            Materialized.<String, ShareFigures, KeyValueStore<Bytes, byte[]>>as(
                    PROVIDER_TOTALS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(ShareFigures.SERDE))
        .toStream(Named.as("share-provider-totals-changes"))
        .map(
            (bucket, total) -> KeyValue.pair(total.segmentPeriod(), total),
            Named.as("share-key-by-segment"))
        .groupByKey(Grouped.with("share-totals-by-segment", Serdes.String(), ShareFigures.SERDE))
        .aggregate(
            SegmentProviders::empty,
            (segmentPeriod, total, providers) -> providers.with(total),
            Named.as("share-segment-providers"),
            Materialized.<String, SegmentProviders, KeyValueStore<Bytes, byte[]>>as(
                    SEGMENT_PROVIDERS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(SegmentProviders.SERDE))
        .toStream(Named.as("share-segment-changes"))
        .mapValues(
            (segmentPeriod, providers) -> snapshot(segmentPeriod, providers),
            Named.as("share-snapshot"))
        .to(
            out.name(),
            Produced.with(out.keySerde(), out.valueSerde()).withName("share-snapshot-sink"));
  }

  private static MarketShareSnapshot snapshot(String segmentPeriod, SegmentProviders providers) {
    int bar = segmentPeriod.lastIndexOf('|');
    return Snapshots.of(
        segmentPeriod.substring(0, bar), segmentPeriod.substring(bar + 1), providers);
  }
}
