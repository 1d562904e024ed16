package io.impactsim.streams.marketcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.producer.history.BundledHistory;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed calibration end to end: the bundled history, published as the producer publishes it,
 * gives Amazon about +$140B on the day of the OpenAI-AWS contract (tolerance: 10%, see
 * docs/impact-model.md).
 */
class BundledHistoryTest {
  private static final double BILLION = 1e9;

  @TempDir Path stateDir;

  @Test
  void bundledHistoryGivesAmazonAbout140BillionOnTheSeedDay() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir, List.of())) {
      BundledHistory.load().forEach(d::publish);

      Map<String, MarketCapReaction> reactions =
          d.reactions().stream()
              .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
      MarketCapReaction amazon = reactions.get("2025-11-03-openai-aws-38b|amazon");
      assertThat((double) amazon.getDollarImpactUsd())
          .isCloseTo(140 * BILLION, within(14 * BILLION));
      // Priced after the removal of Microsoft's right of first refusal (+0.5% for rivals).
      assertThat(amazon.getPreEventValueUsd()).isEqualTo(Math.round(2_420 * BILLION * 1.005));
      assertThat(reactions.get("2025-11-03-openai-aws-38b|nvidia").getDollarImpactUsd())
          .isPositive();
      assertThat(reactions.get("2025-10-28-openai-rofr-removed|microsoft").getAbnormalReturn())
          .isNegative();
      SimulatedMarketCap amazonValue =
          d.values().stream()
              .filter(kv -> kv.key.equals("amazon"))
              .reduce((a, b) -> b)
              .orElseThrow()
              .value;
      assertThat(amazonValue.getLastEventId()).isEqualTo("2025-11-03-openai-aws-38b");
      assertThat(amazonValue.getSimulatedValueUsd())
          .isEqualTo(amazon.getPreEventValueUsd() + amazon.getDollarImpactUsd());
    }
  }
}
