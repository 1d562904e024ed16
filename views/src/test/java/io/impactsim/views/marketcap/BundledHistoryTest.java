package io.impactsim.views.marketcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.producer.history.BundledHistory;
import io.impactsim.schemas.avro.CompanyReaction;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed calibration end to end: the bundled history, published as the producer publishes it,
 * gives Amazon about +$140B on the day of the OpenAI-AWS contract (tolerance: 50%, see
 * docs/impact-model.md).
 */
class BundledHistoryTest {
  private static final double BILLION = 1e9;

  @TempDir Path stateDir;

  @Test
  void bundledHistoryGivesAmazonAbout140BillionOnTheSeedDay() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir, List.of())) {
      BundledHistory.load().forEach(d::publish);

      CompanyReaction amazon = d.reaction("2025-11-03-openai-aws-38b", "amazon");
      assertThat((double) amazon.getDollarImpactUsd())
          .isCloseTo(140 * BILLION, within(70 * BILLION));
      // Priced against the profile in effect, whatever happened to Amazon before in the week.
      assertThat(amazon.getReferenceValueUsd()).isEqualTo(Math.round(2_420 * BILLION));
      assertThat(d.reaction("2025-11-03-openai-aws-38b", "nvidia").getDollarImpactUsd())
          .isPositive();
      assertThat(d.reaction("2025-10-28-openai-rofr-removed", "microsoft").getAbnormalReturn())
          .isNegative();
      SimulatedMarketCap amazonValue = d.value("amazon");
      assertThat(amazonValue.getLastEventId()).isEqualTo("2025-11-03-openai-aws-38b");
      // The value is the profile's plus the dollar impacts of every Amazon event after its date.
      long dollars =
          d.reactions().values().stream()
              .filter(r -> r.getOccurredAt().isAfter(Instant.parse("2025-10-28T00:00:00Z")))
              .flatMap(r -> r.getReactions().stream())
              .filter(r -> r.getCompany().equals("amazon"))
              .mapToLong(CompanyReaction::getDollarImpactUsd)
              .sum();
      assertThat(amazonValue.getSimulatedValueUsd())
          .isEqualTo(amazon.getReferenceValueUsd() + dollars);
    }
  }
}
