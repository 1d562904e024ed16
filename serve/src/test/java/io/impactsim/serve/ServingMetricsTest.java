package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The market-cap series on /metrics are bounded: the N largest companies only. */
class ServingMetricsTest {
  private static final Pattern SERIES = Pattern.compile("(?m)^impactsim_market_cap_usd\\{");

  private static SimulatedMarketCap cap(String company, long value) {
    return SimulatedMarketCap.newBuilder()
        .setCompany(company)
        .setAsOf(Instant.parse("2025-11-03T00:00:00Z"))
        .setValuationBasis(ValuationBasis.MARKET_CAP)
        .setReferenceValueUsd(value)
        .setSimulatedValueUsd(value)
        .setCumulativeAbnormalReturn(0.0)
        .setLowValueUsd(value - 1)
        .setHighValueUsd(value + 1)
        .setEventCount(1)
        .build();
  }

  @Test
  void onlyTheLargestCompaniesGetSeriesAndTheSetFollowsTheValues() {
    try (ServingMetrics metrics = new ServingMetrics(Duration.ofHours(1), 2)) {
      for (int i = 0; i < 1_000; i++) {
        metrics.marketCap(cap("company-" + i, 1_000_000L + i));
      }

      String scrape = metrics.scrape();
      assertThat(SERIES.matcher(scrape).results().count()).isEqualTo(6);
      assertThat(scrape)
          .contains("bound=\"simulated\",company=\"company-999\"")
          .contains("bound=\"high\",company=\"company-998\"")
          .doesNotContain("company=\"company-997\"");

      metrics.marketCap(cap("company-0", 9_000_000L));
      String after = metrics.scrape();
      assertThat(SERIES.matcher(after).results().count()).isEqualTo(6);
      assertThat(after)
          .contains("bound=\"simulated\",company=\"company-0\"} 9000000.0")
          .doesNotContain("company=\"company-998\"");
    }
  }

  @Test
  void zeroCompaniesMeansNoMarketCapSeries() {
    try (ServingMetrics metrics = new ServingMetrics(Duration.ofHours(1), 0)) {
      metrics.marketCap(cap("amazon", 2_420_000_000_000L));

      assertThat(SERIES.matcher(metrics.scrape()).results().count()).isZero();
    }
  }
}
