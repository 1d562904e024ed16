package io.impactsim.streams.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.HeadlineCommitment;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.avro.YearlyCommitment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroJsonTest {
  private static final Instant AS_OF = Instant.parse("2025-11-03T14:30:00Z");

  @Test
  void viewRecordBecomesPlainJsonWithIsoTimesAndBareOptionals() {
    JsonNode json = AvroJson.toJson(marketCap(null));

    assertThat(json.get("asOf").asText()).isEqualTo("2025-11-03T14:30:00Z");
    assertThat(json.get("valuationBasis").asText()).isEqualTo("MARKET_CAP");
    assertThat(json.get("lastEventId").isNull()).isTrue();
    assertThat(json.get("simulatedValueUsd").asLong()).isEqualTo(500_000_000_000L);
    assertThat(AvroJson.toJson(marketCap("deal-1")).get("lastEventId").asText())
        .isEqualTo("deal-1");
  }

  @Test
  void jsonReadsBackIntoTheSameRecord() {
    SimulatedMarketCap cap = marketCap("deal-1");
    CapexCommitments capex = capex();

    assertThat(AvroJson.<SimulatedMarketCap>fromJson(AvroJson.toJson(cap), cap.getSchema()))
        .isEqualTo(cap);
    assertThat(AvroJson.<CapexCommitments>fromJson(AvroJson.toJson(capex), capex.getSchema()))
        .isEqualTo(capex);
  }

  @Test
  void nonFiniteNumbersBecomeNull() {
    SimulatedMarketCap cap = marketCap(null);
    cap.setCumulativeAbnormalReturn(Double.NaN);

    assertThat(AvroJson.toJson(cap).get("cumulativeAbnormalReturn").isNull()).isTrue();
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
