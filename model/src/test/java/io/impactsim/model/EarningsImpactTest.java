package io.impactsim.model;

import static io.impactsim.model.Fixtures.AMAZON_CAP;
import static io.impactsim.model.Fixtures.BILLION;
import static io.impactsim.model.Fixtures.directory;
import static io.impactsim.model.Fixtures.earnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.schemas.avro.EarningsReported;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The earnings terms, on the worked examples of docs/impact-model.md (round parameters). */
class EarningsImpactTest {
  private static final Instant AT = Instant.parse("2025-10-30T20:05:00Z");
  private static final double PRICE = (double) AMAZON_CAP / 10_690_000_000L;
  private final ImpactModel model = RoundParameters.model();

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
        .isCloseTo(3.0 * epsSurprise + 1.0 * revenueSurprise, within(1e-12));
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
            3.0 * (0.18 / PRICE) + 1.0 * (180.2e9 - expectedRevenue) / expectedRevenue,
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

  /**
   * The worked example of the docs: revenue $105B against $100B expected (+5%), guidance $52B
   * against $50B (+4%), segment growth 30% against 28% expected (+2 points), capex plan $40-44B
   * after $38-42B (+5%): 1.0 x 0.05 + 2.0 x 0.04 + 0.5 x 0.02 - 0.5 x 0.05 = 0.115.
   */
  private static EarningsReported workedExample(long revenueUsd) {
    return earnings("e-w", AT, "amazon", "2025-Q3", revenueUsd, null)
        .setRevenueConsensusUsd(100 * BILLION)
        .setRevenueGuidanceUsd(52 * BILLION)
        .setRevenueGuidanceConsensusUsd(50 * BILLION)
        .setSegments(
            java.util.List.of(
                new io.impactsim.schemas.avro.SegmentRevenue("aws", null, 0.30, 0.28, 0.25)))
        .setCapexGuidanceLowUsd(40 * BILLION)
        .setCapexGuidanceHighUsd(44 * BILLION)
        .setCapexGuidancePriorLowUsd(38 * BILLION)
        .setCapexGuidancePriorHighUsd(42 * BILLION)
        .build();
  }

  @Test
  void guidanceGrowthAndCapexWorkedExample() {
    CompanyImpact amazon = impact(workedExample(105 * BILLION), EarningsHistory.empty());

    assertThat(amazon.driver("revenue_surprise")).isCloseTo(0.05, within(1e-12));
    assertThat(amazon.driver("guidance_surprise")).isCloseTo(0.04, within(1e-12));
    assertThat(amazon.driver("growth_surprise")).isCloseTo(0.02, within(1e-12));
    assertThat(amazon.driver("capex_change")).isCloseTo(0.05, within(1e-12));
    assertThat(amazon.abnormalReturn()).isCloseTo(0.115, within(1e-12));
  }

  @Test
  void surprisesAreBoundedAtTheCap() {
    // Revenue 30% above consensus counts as 5%: the same return as the worked example.
    CompanyImpact amazon = impact(workedExample(130 * BILLION), EarningsHistory.empty());

    assertThat(amazon.driver("revenue_surprise")).isEqualTo(0.05);
    assertThat(amazon.abnormalReturn()).isCloseTo(0.115, within(1e-12));
  }

  @Test
  void growthWithoutConsensusIsComparedWithThePreviousQuarter() {
    EarningsReported report =
        earnings("e-g", AT, "amazon", "2025-Q3", 100 * BILLION, null)
            .setSegments(
                java.util.List.of(
                    new io.impactsim.schemas.avro.SegmentRevenue("aws", null, 0.20, null, 0.17)))
            .build();

    CompanyImpact amazon = impact(report, EarningsHistory.empty());

    assertThat(amazon.driver("growth_surprise")).isCloseTo(0.03, within(1e-12));
    assertThat(amazon.abnormalReturn()).isCloseTo(0.015, within(1e-12));
  }

  @Test
  void peersOfTheSegmentShareTheNews() {
    // News = 0.05 + 0.04 + 0.02 = 0.11; each cloud peer: 0.5 x 0.11 = 0.055.
    var impacts =
        model.earnings(workedExample(105 * BILLION), EarningsHistory.empty(), directory());

    assertThat(impacts.subList(1, impacts.size()))
        .extracting(CompanyImpact::company)
        .containsExactly("alphabet", "microsoft", "oracle");
    assertThat(impacts.subList(1, impacts.size()))
        .allSatisfy(
            peer -> {
              assertThat(peer.role()).isEqualTo("peer");
              assertThat(peer.abnormalReturn()).isCloseTo(0.055, within(1e-12));
            });
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
