package io.impactsim.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.HeadlineCommitment;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.avro.YearlyCommitment;
import io.impactsim.schemas.fixtures.EventSamples;
import io.impactsim.schemas.fixtures.ViewSamples;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class JsonMappingTest {
  static {
    // The samples' builders fill defaults of nested records, which Avro checks against its trust.
    GeneratedRecords.trust();
  }

  private static final Instant AS_OF = Instant.parse("2025-11-03T14:30:00Z");

  @Test
  void viewRecordBecomesPlainJsonWithIsoTimesAndBareOptionals() {
    JsonNode json = AvroToJson.toJson(marketCap(null));

    assertThat(json.get("asOf").asText()).isEqualTo("2025-11-03T14:30:00Z");
    assertThat(json.get("valuationBasis").asText()).isEqualTo("MARKET_CAP");
    assertThat(json.get("lastEventId").isNull()).isTrue();
    assertThat(json.get("simulatedValueUsd").asLong()).isEqualTo(500_000_000_000L);
    assertThat(AvroToJson.toJson(marketCap("deal-1")).get("lastEventId").asText())
        .isEqualTo("deal-1");
  }

  @Test
  void jsonReadsBackIntoTheSameRecord() {
    SimulatedMarketCap cap = marketCap("deal-1");
    CapexCommitments capex = capex();

    assertThat(JsonToAvro.<SimulatedMarketCap>read(AvroToJson.toJson(cap), cap.getSchema()))
        .isEqualTo(cap);
    assertThat(JsonToAvro.<CapexCommitments>read(AvroToJson.toJson(capex), capex.getSchema()))
        .isEqualTo(capex);
  }

  @Test
  void everySampleEventAndViewReadsBackFromItsJsonForm() {
    List<SpecificRecord> samples =
        List.of(
            EventSamples.fullDeal(),
            EventSamples.minimalDeal(),
            EventSamples.fullRecap(),
            EventSamples.minimalRecap(),
            EventSamples.fullEarnings(),
            EventSamples.minimalEarnings(),
            EventSamples.listedCompany(),
            EventSamples.minimalCompany(),
            ViewSamples.share(),
            ViewSamples.emptyShare(),
            ViewSamples.fullCapex(),
            ViewSamples.minimalCapex(),
            ViewSamples.reaction(),
            ViewSamples.minimalReaction(),
            ViewSamples.marketCap());
    for (SpecificRecord sample : samples) {
      JsonNode json = AvroToJson.toJson(sample);
      assertThat(JsonToAvro.<SpecificRecord>read(json, sample.getSchema()))
          .as("%s from %s", sample.getSchema().getName(), json)
          .isEqualTo(sample);
    }
  }

  @Test
  void readingIsStrictAndNamesEveryFieldThatDoesNotFit() {
    ObjectNode json = AvroToJson.toJson(marketCap("deal-1"));
    json.put("asOf", "yesterday");
    json.put("eventCount", "two");
    json.put("colour", "blue");

    assertThatThrownBy(() -> JsonToAvro.read(json, SimulatedMarketCap.getClassSchema()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asOf")
        .hasMessageContaining("eventCount")
        .hasMessageContaining("colour: unknown field");
  }

  @Test
  void nonFiniteNumbersBecomeNull() {
    SimulatedMarketCap cap = marketCap(null);
    cap.setCumulativeAbnormalReturn(Double.NaN);

    assertThat(AvroToJson.toJson(cap).get("cumulativeAbnormalReturn").isNull()).isTrue();
  }

  private static SimulatedMarketCap marketCap(String lastEvent) {
    return SimulatedMarketCap.newBuilder()
        .setCompany("openai")
        .setAsOf(AS_OF)
        .setValuationBasis(ValuationBasis.MARKET_CAP)
        .setReferenceValueUsd(500_000_000_000L)
        .setSimulatedValueUsd(500_000_000_000L)
        .setCumulativeAbnormalReturn(0.0125)
        .setLowValueUsd(475_000_000_000L)
        .setHighValueUsd(525_000_000_000L)
        .setEventCount(2)
        .setLastEventId(lastEvent)
        .build();
  }

  private static CapexCommitments capex() {
    return CapexCommitments.newBuilder()
        .setCompany("openai")
        .setAsOf(AS_OF)
        .setCommittedAsBuyerUsd(38_000_000_000L)
        .setBacklogAsProviderUsd(0)
        .setSchedule(List.of(new YearlyCommitment(2026, 5_000_000_000L, 0L)))
        .setCapacityGw(1.5)
        .setAccelerators(
            List.of(new Accelerator("nvidia", "GB300", null, ValueQualifier.UNDISCLOSED)))
        .setHeadlineCommitments(
            List.of(
                HeadlineCommitment.newBuilder()
                    .setEventId("deal-1")
                    .setValueUsd(38_000_000_000L)
                    .setValueQualifier(ValueQualifier.APPROX)
                    .setCapacityGw(null)
                    .setDescription("seven-year cloud contract")
                    .build()))
        .setLatestFiscalPeriod(null)
        .setLatestQuarterCapexUsd(null)
        .setCapexGuidanceLowUsd(null)
        .setCapexGuidanceHighUsd(null)
        .setDealCount(1)
        .build();
  }
}
