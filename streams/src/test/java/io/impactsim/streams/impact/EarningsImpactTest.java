package io.impactsim.streams.impact;

import static io.impactsim.streams.impact.Fixtures.AMAZON_CAP;
import static io.impactsim.streams.impact.Fixtures.BILLION;
import static io.impactsim.streams.impact.Fixtures.directory;
import static io.impactsim.streams.impact.Fixtures.earnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.schemas.avro.EarningsReported;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EarningsImpactTest {
  private static final Instant AT = Instant.parse("2025-10-30T20:05:00Z");
  private static final double PRICE = (double) AMAZON_CAP / 10_690_000_000L;
  private final ImpactModel model = ImpactModel.withDefaults();

  private static EarningsReported q3(long eps, Long epsConsensus, Long revenueConsensus) {
    return earnings("e-q3", AT, "amazon", "2025-Q3", 180_200_000_000L, eps)
        .setEpsConsensusMicros(epsConsensus)
        .setRevenueConsensusUsd(revenueConsensus)
        .build();
  }

  private static EarningsHistory twoPriorQuarters() {
    return EarningsHistory.empty()
        .with(earnings("e-q1", AT, "amazon", "2025-Q1", 155_700_000_000L, 1_590_000L).build(), 8)
        .with(earnings("e-q2", AT, "amazon", "2025-Q2", 167_700_000_000L, 1_680_000L).build(), 8);
  }

  private CompanyImpact impact(EarningsReported report, EarningsHistory history) {
    return model.earnings(report, history, directory()).get(0);
  }

  @Test
  void returnIsErcTimesPriceDeflatedSurpriseAgainstConsensus() {
    CompanyImpact amazon =
        impact(q3(1_950_000L, 1_570_000L, 177_800_000_000L), EarningsHistory.empty());

    double epsSurprise = 0.38 / PRICE;
    double revenueSurprise = 2.4 / 177.8;
    assertThat(amazon.driver("eps_surprise")).isCloseTo(epsSurprise, within(1e-12));
    assertThat(amazon.driver("revenue_surprise")).isCloseTo(revenueSurprise, within(1e-12));
    assertThat(amazon.abnormalReturn())
        .isCloseTo(3.0 * epsSurprise + 0.5 * revenueSurprise, within(1e-12));
  }

  @Test
  void missIsNegativeAndBiggerBeatsAreBigger() {
    double miss =
        impact(q3(1_400_000L, 1_570_000L, 181_000_000_000L), EarningsHistory.empty())
            .abnormalReturn();
    double beat =
        impact(q3(1_700_000L, 1_570_000L, null), EarningsHistory.empty()).abnormalReturn();
    double bigBeat =
        impact(q3(1_950_000L, 1_570_000L, null), EarningsHistory.empty()).abnormalReturn();

    assertThat(miss).isNegative();
    assertThat(bigBeat).isGreaterThan(beat).isGreaterThan(0);
  }

  @Test
  void withoutConsensusTheTrendOfPreviousQuartersIsTheExpectation() {
    CompanyImpact amazon = impact(q3(1_950_000L, null, null), twoPriorQuarters());

    double expectedRevenue = 167.7e9 * (167.7 / 155.7);
    assertThat(amazon.driver("eps_expected")).isCloseTo(1.77, within(1e-9));
    assertThat(amazon.driver("revenue_expected_usd")).isCloseTo(expectedRevenue, within(1.0));
    assertThat(amazon.drivers())
        .anySatisfy(d -> assertThat(d.getExplanation()).startsWith("trend"));
    assertThat(amazon.abnormalReturn())
        .isCloseTo(
            3.0 * (0.18 / PRICE) + 0.5 * (180.2e9 - expectedRevenue) / expectedRevenue,
            within(1e-12));
  }

  @Test
  void consensusWinsOverTrend() {
    CompanyImpact withConsensus =
        impact(q3(1_950_000L, 1_570_000L, 177_800_000_000L), twoPriorQuarters());
    CompanyImpact alone =
        impact(q3(1_950_000L, 1_570_000L, 177_800_000_000L), EarningsHistory.empty());

    assertThat(withConsensus).isEqualTo(alone);
  }

  @Test
  void laterQuartersNeverFormTheExpectation() {
    EarningsHistory withLaterQuarter =
        twoPriorQuarters()
            .with(earnings("e-q4", AT, "amazon", "2025-Q4", 900 * BILLION, 9_000_000L).build(), 8);

    assertThat(impact(q3(1_950_000L, null, null), withLaterQuarter))
        .isEqualTo(impact(q3(1_950_000L, null, null), twoPriorQuarters()));
  }

  @Test
  void noExpectationAtAllGivesZeroWithABand() {
    CompanyImpact amazon = impact(q3(1_950_000L, null, null), EarningsHistory.empty());

    assertThat(amazon.abnormalReturn()).isZero();
    assertThat(amazon.lowReturn()).isCloseTo(-1.645 * 0.03, within(1e-12));
    assertThat(amazon.highReturn()).isCloseTo(1.645 * 0.03, within(1e-12));
  }

  @Test
  void historyKeepsTheLatestQuartersAndReplacesARestatedPeriod() {
    EarningsHistory history = EarningsHistory.empty();
    for (int q = 1; q <= 4; q++) {
      history = history.with(earnings("e" + q, AT, "amazon", "2024-Q" + q, q, null).build(), 3);
    }
    history = history.with(earnings("e4b", AT, "amazon", "2024-Q4", 44, null).build(), 3);

    assertThat(history.quarters())
        .extracting(EarningsReported::getFiscalPeriod)
        .containsExactly("2024-Q2", "2024-Q3", "2024-Q4");
    assertThat(history.quarters().get(2).getRevenueUsd()).isEqualTo(44);
  }
}
