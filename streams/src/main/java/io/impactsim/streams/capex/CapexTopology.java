package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.Inputs;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The capex view: per company, what it has committed to spend as a buyer, its contracted backlog as
 * a provider, the yearly schedule of both, secured capacity and accelerators, headline commitments,
 * and the capex it reports and guides to.
 *
 * <p>Contracts, on the deal partitions, keep the report in force of each contract and send it, with
 * the report it replaces, to the buyer and the provider; those changes and the earnings reports are
 * repartitioned by company, where each company's running totals change by the difference.
 */
public final class CapexTopology {
  /** Store of the report in force of each contract, keyed by contract. */
  public static final String CONTRACTS_STORE = "capex-contracts";

  /** Store of each company's running totals and latest earnings, keyed by company. */
  public static final String COMPANIES_STORE = "capex-companies";

  private CapexTopology() {}

  /** Adds the view to the builder. */
  public static void addTo(StreamsBuilder builder, Inputs inputs, TopicCatalog topics) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CONTRACTS_STORE),
            Serdes.String(),
            topics.deals().valueSerde()));
    KStream<String, CapexInput> contracts =
        inputs
            .deals()
            .process(
                () -> new CapexLedger(CONTRACTS_STORE),
                Named.as("capex-contract-ledger"),
                CONTRACTS_STORE);
    KStream<String, CapexInput> earnings =
        inputs.earnings().mapValues(CapexInput::earnings, Named.as("capex-earnings"));
    Topic<String, CapexCommitments> out = topics.capex();
    contracts
        .merge(earnings, Named.as("capex-inputs"))
        .groupByKey(
            Grouped.with("capex-inputs-by-company", Serdes.String(), CapexInput.serde(topics)))
        .aggregate(
            CompanyCapex::empty,
            (company, input, state) -> state.with(input),
            Named.as(COMPANIES_STORE),
            Materialized.<String, CompanyCapex, KeyValueStore<Bytes, byte[]>>as(COMPANIES_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(new CompanyCapexSerde(topics)))
        .toStream(Named.as("capex-company-changes"))
        .mapValues(CapexView::of, Named.as("capex-view"))
        .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("capex-sink"));
  }
}
