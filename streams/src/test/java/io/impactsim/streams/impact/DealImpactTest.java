package io.impactsim.streams.impact;

import static io.impactsim.streams.impact.Fixtures.BILLION;
import static io.impactsim.streams.impact.Fixtures.SEED_DAY;
import static io.impactsim.streams.impact.Fixtures.deal;
import static io.impactsim.streams.impact.Fixtures.directory;
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

class DealImpactTest {
  private final ImpactModel model = ImpactModel.withDefaults();

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
  void buyerEarnsAboutNothing() {
    CompanyImpact buyer = impactOf(Fixtures.openAiAws(), "openai");

    assertThat(buyer.role()).isEqualTo("buyer");
    assertThat(buyer.abnormalReturn()).isZero();
    assertThat(buyer.lowReturn()).isNegative();
    assertThat(buyer.highReturn()).isPositive();
  }

  @Test
  void weakerQualifiersScaleTheReturnDown() {
    double exact =
        impactOf(oracleDeal(20 * BILLION, 60, ValueQualifier.EXACT), "oracle").abnormalReturn();
    double upTo =
        impactOf(oracleDeal(20 * BILLION, 60, ValueQualifier.UP_TO), "oracle").abnormalReturn();
    double letter =
        impactOf(oracleDeal(20 * BILLION, 60, ValueQualifier.LETTER_OF_INTENT), "oracle")
            .abnormalReturn();
    double talks =
        impactOf(oracleDeal(20 * BILLION, 60, ValueQualifier.IN_TALKS), "oracle").abnormalReturn();

    assertThat(List.of(exact, upTo, letter, talks))
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(talks).isCloseTo(exact * 0.25, within(1e-12));
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
  void namedSupplierTakesALinkedPositiveEffect() {
    CompanyImpact nvidia = impactOf(Fixtures.openAiAws(), "nvidia");
    double provider = impactOf(Fixtures.openAiAws(), "amazon").abnormalReturn();

    assertThat(nvidia.role()).isEqualTo("supplier");
    assertThat(nvidia.abnormalReturn()).isCloseTo(0.25 * provider, within(1e-12));
    assertThat(nvidia.driver("provider_return")).isEqualTo(provider);
  }

  @Test
  void undisclosedValueLeavesOnlyTheBaseEffect() {
    DealAnnounced undisclosed =
        deal("d", SEED_DAY, "openai", "oracle", null, null)
            .setValueQualifier(ValueQualifier.UNDISCLOSED)
            .build();

    CompanyImpact oracle = impactOf(undisclosed, "oracle");

    assertThat(oracle.driver("relative_size")).isZero();
    assertThat(oracle.abnormalReturn()).isCloseTo(0.5 * 0.002, within(1e-12));
  }

  @Test
  void hugeContractIsCappedAndSaysSo() {
    CompanyImpact oracle = impactOf(oracleDeal(900 * BILLION, 60, ValueQualifier.EXACT), "oracle");

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
