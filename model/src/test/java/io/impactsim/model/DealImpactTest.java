package io.impactsim.model;

import static io.impactsim.model.Fixtures.BILLION;
import static io.impactsim.model.Fixtures.SEED_DAY;
import static io.impactsim.model.Fixtures.deal;
import static io.impactsim.model.Fixtures.directory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.ValueQualifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deal terms, on the worked examples of docs/impact-model.md (round parameters). */
class DealImpactTest {
  private final ImpactModel model = RoundParameters.model();

  private CompanyImpact impactOf(DealAnnounced deal, String company) {
    return model.deal(deal, directory()).stream()
        .filter(i -> i.company().equals(company))
        .findFirst()
        .orElseThrow();
  }

  private static DealAnnounced oracleDeal(long valueUsd, int months, ValueQualifier qualifier) {
    return deal("d", SEED_DAY, "openai", "oracle", valueUsd, months)
        .setValueQualifier(qualifier)
        .build();
  }

  @Test
  void providerReturnGrowsWithRelativeSize() {
    double small =
        impactOf(oracleDeal(10 * BILLION, 60, ValueQualifier.EXACT), "oracle").abnormalReturn();
    double large =
        impactOf(oracleDeal(40 * BILLION, 60, ValueQualifier.EXACT), "oracle").abnormalReturn();

    assertThat(small).isPositive();
    assertThat(large).isGreaterThan(small);
    assertThat(
            impactOf(oracleDeal(40 * BILLION, 60, ValueQualifier.EXACT), "oracle")
                .driver("relative_size"))
        .isCloseTo(40.0 / 800, within(1e-12));
  }

  @Test
  void providerReturnGrowsWithTerm() {
    double shortTerm =
        impactOf(oracleDeal(20 * BILLION, 12, ValueQualifier.EXACT), "oracle").abnormalReturn();
    double longTerm =
        impactOf(oracleDeal(20 * BILLION, 84, ValueQualifier.EXACT), "oracle").abnormalReturn();

    assertThat(longTerm).isGreaterThan(shortTerm);
    assertThat(
            impactOf(oracleDeal(20 * BILLION, 12, ValueQualifier.EXACT), "oracle")
                .driver("term_factor"))
        .isEqualTo(1.0);
  }

  @Test
  void providerWorkedExample() {
    // Oracle ($800B), $40B over 60 months: relative size 0.05, sqrt 0.223607, term factor
    // 1 + 0.25 ln 5 = 1.402359, size feature 0.313577, AR = 0.002 + 0.1 x 0.313577.
    CompanyImpact oracle = impactOf(oracleDeal(40 * BILLION, 60, ValueQualifier.EXACT), "oracle");

    assertThat(oracle.driver("term_factor")).isCloseTo(1.402359, within(1e-6));
    assertThat(oracle.driver("size_feature")).isCloseTo(0.313577, within(1e-6));
    assertThat(oracle.abnormalReturn()).isCloseTo(0.0333577, within(1e-7));
  }

  @Test
  void sizeResponseIsConcave() {
    double small =
        impactOf(oracleDeal(10 * BILLION, 12, ValueQualifier.EXACT), "oracle").abnormalReturn();
    double large =
        impactOf(oracleDeal(40 * BILLION, 12, ValueQualifier.EXACT), "oracle").abnormalReturn();

    // Four times the value, twice the size term (exponent 0.5).
    assertThat(large - 0.002).isCloseTo(2 * (small - 0.002), within(1e-12));
  }

  @Test
  void buyerWorkedExample() {
    // Microsoft ($3,950B) invests $10B: relative size 0.0025316, sqrt 0.0503155, x 0.2.
    DealAnnounced investment =
        deal("i", SEED_DAY, "microsoft", "openai", 10 * BILLION, null)
            .setKind(io.impactsim.schemas.avro.DealKind.EQUITY_INVESTMENT)
            .build();

    CompanyImpact microsoft = impactOf(investment, "microsoft");

    assertThat(microsoft.role()).isEqualTo("buyer");
    assertThat(microsoft.abnormalReturn()).isCloseTo(0.0100631, within(1e-7));
  }

  @Test
  void impliedValueFromCapacity() {
    // 1.5 GW x $20B per GW = $30B; Oracle: relative size 0.0375, sqrt 0.193649, no term.
    DealAnnounced gw =
        deal("g", SEED_DAY, "openai", "oracle", null, null)
            .setValueQualifier(ValueQualifier.UNDISCLOSED)
            .setCapacityGw(1.5)
            .build();

    CompanyImpact oracle = impactOf(gw, "oracle");

    assertThat(oracle.driver("implied_value_usd")).isEqualTo(30e9);
    assertThat(oracle.abnormalReturn()).isCloseTo(0.0213649, within(1e-7));
  }

  @Test
  void impliedValueFromAcceleratorCounts() {
    // 100,000 H100 x $30,000 = $3B; Oracle: relative size 0.00375, sqrt 0.0612372.
    DealAnnounced chips =
        deal("c", SEED_DAY, "openai", "oracle", null, null)
            .setValueQualifier(ValueQualifier.UNDISCLOSED)
            .setAccelerators(
                List.of(
                    new io.impactsim.schemas.avro.Accelerator(
                        "nvidia", "H100", 100_000L, ValueQualifier.EXACT)))
            .build();

    CompanyImpact oracle = impactOf(chips, "oracle");

    assertThat(oracle.driver("implied_value_usd")).isEqualTo(3e9);
    assertThat(oracle.abnormalReturn()).isCloseTo(0.00812372, within(1e-8));
  }

  @Test
  void impliedValueFromAStatedRangeWeightedByItsQualifier() {
    // "$10-20B, up to": midpoint $15B x 0.5 = $7.5B; relative size 0.009375, sqrt 0.0968246.
    DealAnnounced range =
        deal("r", SEED_DAY, "openai", "oracle", null, null)
            .setValueQualifier(ValueQualifier.UP_TO)
            .setValueLowUsd(10 * BILLION)
            .setValueHighUsd(20 * BILLION)
            .build();

    CompanyImpact oracle = impactOf(range, "oracle");

    assertThat(oracle.driver("implied_value_usd")).isEqualTo(15e9);
    assertThat(oracle.driver("qualifier_weight")).isEqualTo(0.5);
    assertThat(oracle.abnormalReturn()).isCloseTo(0.01168246, within(1e-8));
  }

  @Test
  void undisclosedDealTakesTheAssumedValue() {
    // Nothing stated: $5B; relative size 0.00625, sqrt 0.0790569.
    DealAnnounced undisclosed =
        deal("u", SEED_DAY, "openai", "oracle", null, null)
            .setValueQualifier(ValueQualifier.UNDISCLOSED)
            .build();

    assertThat(impactOf(undisclosed, "oracle").abnormalReturn())
        .isCloseTo(0.00990569, within(1e-8));
  }

  @Test
  void weakerQualifiersScaleTheValueDown() {
    double exact =
        impactOf(oracleDeal(20 * BILLION, 60, ValueQualifier.EXACT), "oracle").abnormalReturn();
    double upTo =
        impactOf(oracleDeal(20 * BILLION, 60, ValueQualifier.UP_TO), "oracle").abnormalReturn();
    double talks =
        impactOf(oracleDeal(20 * BILLION, 60, ValueQualifier.IN_TALKS), "oracle").abnormalReturn();

    assertThat(List.of(exact, upTo, talks)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    // A quarter of the value, half the size term (exponent 0.5).
    assertThat(talks - 0.002).isCloseTo((exact - 0.002) * 0.5, within(1e-12));
  }

  @Test
  void rivalsShareASmallerNegativeSpilloverOfTheProvidersDollarGain() {
    List<CompanyImpact> impacts = model.deal(Fixtures.openAiAws(), directory());
    double provider = impactOf(Fixtures.openAiAws(), "amazon").abnormalReturn();
    double providerGain = provider * Fixtures.AMAZON_CAP;

    List<CompanyImpact> rivals = impacts.stream().filter(i -> i.role().equals("rival")).toList();
    assertThat(rivals)
        .extracting(CompanyImpact::company)
        .containsExactly("alphabet", "microsoft", "oracle");
    double rivalsLoss = (3_260 + 3_950 + 800) * BILLION * rivals.get(0).abnormalReturn();
    assertThat(rivalsLoss).isCloseTo(-0.10 * providerGain, within(1.0));
    assertThat(rivals)
        .allSatisfy(
            rival -> {
              assertThat(rival.abnormalReturn()).isNegative();
              assertThat(Math.abs(rival.abnormalReturn())).isLessThan(provider);
              assertThat(rival.driver("spillover_rate")).isEqualTo(-0.10);
            });
  }

  @Test
  void onlyTheLargestRivalsShareTheSpillover(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("two-rivals.properties");
    Files.writeString(file, "deal.rivals.max=2\n");
    ImpactModel twoRivals = new ImpactModel(ImpactModelConfig.load(file));

    List<CompanyImpact> rivals =
        twoRivals.deal(Fixtures.openAiAws(), directory()).stream()
            .filter(i -> i.role().equals("rival"))
            .toList();

    assertThat(rivals).extracting(CompanyImpact::company).containsExactly("alphabet", "microsoft");
    assertThat(rivals.get(0).driver("provider_to_rivals_value"))
        .isCloseTo(2_420.0 / (3_260 + 3_950), within(1e-12));
  }

  @Test
  void laterReportOfAContractAddsOnlyWhatTheEarlierDidNotPrice() {
    DealAnnounced talks =
        deal("talks", SEED_DAY, "openai", "oracle", 20 * BILLION, 60)
            .setValueQualifier(ValueQualifier.IN_TALKS)
            .build();
    DealAnnounced signed = oracleDeal(20 * BILLION, 60, ValueQualifier.EXACT);

    CompanyImpact revision =
        model.dealRevision(signed, talks, directory()).stream()
            .filter(i -> i.company().equals("oracle"))
            .findFirst()
            .orElseThrow();

    double full = impactOf(signed, "oracle").abnormalReturn();
    double priced = impactOf(talks, "oracle").abnormalReturn();
    assertThat(revision.abnormalReturn()).isCloseTo(full - priced, within(1e-15));
    assertThat(revision.driver("superseded_return")).isEqualTo(priced);
  }

  @Test
  void supplierDroppedByALaterReportGetsItsReturnReversed() {
    DealAnnounced withGpus = Fixtures.openAiAws();
    DealAnnounced withoutGpus =
        DealAnnounced.newBuilder(withGpus).setAccelerators(List.of()).build();

    CompanyImpact nvidia =
        model.dealRevision(withoutGpus, withGpus, directory()).stream()
            .filter(i -> i.company().equals("nvidia"))
            .findFirst()
            .orElseThrow();

    assertThat(nvidia.abnormalReturn()).isEqualTo(-impactOf(withGpus, "nvidia").abnormalReturn());
    assertThat(nvidia.lowReturn()).isLessThan(nvidia.abnormalReturn());
  }

  @Test
  void supplierIsSizedByItsOwnDollarsAgainstItsOwnValue() {
    // 100,000 H100 for NVIDIA ($4,650B): $3B / $4,650B = 0.000645161, sqrt 0.0254000, x 0.1.
    DealAnnounced chips =
        DealAnnounced.newBuilder(oracleDeal(10 * BILLION, 60, ValueQualifier.EXACT))
            .setAccelerators(
                List.of(
                    new io.impactsim.schemas.avro.Accelerator(
                        "nvidia", "H100", 100_000L, ValueQualifier.EXACT)))
            .build();

    CompanyImpact nvidia = impactOf(chips, "nvidia");

    assertThat(nvidia.role()).isEqualTo("supplier");
    assertThat(nvidia.driver("supplier_usd")).isEqualTo(3e9);
    assertThat(nvidia.abnormalReturn()).isCloseTo(0.00254000, within(1e-8));
  }

  @Test
  void uncountedSupplierTakesTheDealsValue() {
    // The seed names GB200/GB300 without counts: $38B / $4,650B = 0.00817204, sqrt 0.0903993.
    CompanyImpact nvidia = impactOf(Fixtures.openAiAws(), "nvidia");

    assertThat(nvidia.driver("supplier_usd")).isEqualTo(38e9);
    assertThat(nvidia.abnormalReturn()).isCloseTo(0.00903993, within(1e-8));
  }

  @Test
  void namedPartiesTakeTheirRoleAndASizedEffect() {
    // Alphabet ($3,260B) named as an investor in a $40B deal: 0.0122699, sqrt 0.110770, x 0.3.
    DealAnnounced withParty =
        DealAnnounced.newBuilder(oracleDeal(40 * BILLION, 60, ValueQualifier.EXACT))
            .setParties(
                List.of(
                    new io.impactsim.schemas.avro.DealParty(
                        "alphabet", io.impactsim.schemas.avro.DealPartyRole.INVESTOR, null)))
            .build();

    CompanyImpact alphabet = impactOf(withParty, "alphabet");

    assertThat(alphabet.role()).isEqualTo("investor");
    assertThat(alphabet.abnormalReturn()).isCloseTo(0.0332309, within(1e-7));
  }

  @Test
  void hugeContractIsCappedAndSaysSo() {
    CompanyImpact oracle =
        impactOf(oracleDeal(900_000 * BILLION, 60, ValueQualifier.EXACT), "oracle");

    assertThat(oracle.abnormalReturn()).isEqualTo(0.5);
    assertThat(oracle.driver("clamped")).isEqualTo(1.0);
  }

  @Test
  void companiesWithoutProfileAreLeftOut() {
    DealAnnounced unknownProvider = deal("d", SEED_DAY, "openai", "coreweave", BILLION, 12).build();

    assertThat(model.deal(unknownProvider, directory()))
        .extracting(CompanyImpact::company)
        .containsExactly("openai");
  }

  @Test
  void bandContainsTheMeanWithTheConfiguredWidth() {
    for (CompanyImpact impact : model.deal(Fixtures.openAiAws(), directory())) {
      double sigma = 0.015 + 0.5 * Math.abs(impact.abnormalReturn());
      assertThat(impact.lowReturn()).isLessThan(impact.abnormalReturn());
      assertThat(impact.highReturn()).isGreaterThan(impact.abnormalReturn());
      assertThat(impact.highReturn() - impact.lowReturn())
          .isCloseTo(2 * 1.645 * sigma, within(1e-12));
    }
  }

  @Test
  void sameDealGivesIdenticalImpacts() {
    assertThat(model.deal(Fixtures.openAiAws(), directory()))
        .isEqualTo(model.deal(Fixtures.openAiAws(), directory()));
  }
}
