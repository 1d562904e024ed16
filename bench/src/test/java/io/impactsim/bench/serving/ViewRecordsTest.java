package io.impactsim.bench.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.keys.CompositeKey;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.serde.WireFormat;
import io.impactsim.views.View;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The serving benchmark's records decode with the catalogue's serdes and carry the views' keys. */
class ViewRecordsTest {
  private static final int RECORDS = 2_000;
  private static final int COMPANIES = 100;

  private final TopicCatalog topics =
      TopicCatalog.create("view-records-test", new InMemorySchemaRegistry(), true);

  @Test
  void everyRecordRoundTripsInTheWireFormatWithTheKeyItsViewUses() {
    Map<View, Set<String>> keys = new EnumMap<>(View.class);
    Map<View, Long> seen = new EnumMap<>(View.class);
    ViewRecords records = new ViewRecords(RECORDS, ViewMix.DEFAULT, COMPANIES, 7);
    long previous = Long.MIN_VALUE;
    while (records.hasNext()) {
      ViewRecords.Entry e = records.next();
      Topic<String, SpecificRecord> topic = e.view().topic(topics);
      byte[] bytes =
          topic.valueSerde().serializer().serialize(topic.name(), (SpecificRecord) e.value());
      assertThat(bytes[0]).as("Confluent magic byte").isEqualTo((byte) 0);
      assertThat(bytes.length).isGreaterThan(WireFormat.HEADER_SIZE);
      SpecificRecord decoded = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
      assertThat(decoded).isEqualTo(e.value());
      assertThat(keyOf(decoded)).isEqualTo(e.key());
      assertThat(e.time().toEpochMilli()).isGreaterThan(previous);
      previous = e.time().toEpochMilli();
      keys.computeIfAbsent(e.view(), v -> new HashSet<>()).add(e.key());
      seen.merge(e.view(), 1L, Long::sum);
    }
    assertThat(seen).isEqualTo(records.counts());
    assertThat(seen.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECORDS);
    Map<View, Long> distinct = new EnumMap<>(View.class);
    keys.forEach((v, k) -> distinct.put(v, (long) k.size()));
    assertThat(distinct).isEqualTo(records.distinctKeys());
    assertThat(keys.get(View.MARKET_CAP))
        .hasSize(COMPANIES)
        .contains(ViewRecords.company(0), ViewRecords.company(COMPANIES - 1));
    assertThat(keys.get(View.REACTIONS)).contains(ViewRecords.event(0));
  }

  @Test
  void theMixSharesTheRecordsExactlyAndIsRepeatable() {
    ViewMix mix = ViewMix.parse("market-cap=3, reactions=1");
    assertThat(mix.counts(10))
        .containsEntry(View.MARKET_CAP, 8L)
        .containsEntry(View.REACTIONS, 2L)
        .containsEntry(View.CAPEX, 0L)
        .containsEntry(View.MARKET_SHARE, 0L);
    assertThat(values(new ViewRecords(50, mix, 10, 3)))
        .isEqualTo(values(new ViewRecords(50, mix, 10, 3)));
    ViewRecords onlyMarketCap = new ViewRecords(500, ViewMix.parse("market-cap"), 500, 1);
    assertThat(onlyMarketCap.distinctKeys()).containsEntry(View.MARKET_CAP, 500L);
    assertThatThrownBy(() -> ViewMix.parse("prices=1"))
        .hasMessageContaining("unknown view 'prices'");
  }

  private static List<Object> values(ViewRecords records) {
    List<Object> values = new ArrayList<>();
    records.forEachRemaining(e -> values.add(e.value()));
    return values;
  }

  /** The key each view publishes its record under. */
  private static String keyOf(SpecificRecord value) {
    if (value instanceof SimulatedMarketCap v) {
      return v.getCompany();
    }
    if (value instanceof CapexCommitments v) {
      return v.getCompany();
    }
    if (value instanceof MarketShareSnapshot v) {
      return CompositeKey.of(v.getSegment(), v.getPeriod());
    }
    return ((EventReactions) value).getEventId();
  }
}
