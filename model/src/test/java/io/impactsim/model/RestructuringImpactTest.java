package io.impactsim.model;

import static io.impactsim.model.Fixtures.BILLION;
import static io.impactsim.model.Fixtures.SEED_DAY;
import static io.impactsim.model.Fixtures.directory;
import static io.impactsim.model.Fixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.RestructuringKind;
import io.impactsim.schemas.avro.StakeChange;
import io.impactsim.schemas.avro.ValuationBasis;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestructuringImpactTest {
  private final ImpactModel model = ImpactModel.withDefaults();

  @Test
  void losingTheRightOfFirstRefusalHurtsTheIncumbentAndHelpsRivalProviders() {
    List<CompanyImpact> impacts = model.restructuring(Fixtures.rofrRemoved(SEED_DAY), directory());

    assertThat(impacts)
        .extracting(CompanyImpact::company, CompanyImpact::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("openai", "company"),
            org.assertj.core.groups.Tuple.tuple("microsoft", "affected"),
            org.assertj.core.groups.Tuple.tuple("alphabet", "rival_provider"),
            org.assertj.core.groups.Tuple.tuple("amazon", "rival_provider"),
            org.assertj.core.groups.Tuple.tuple("oracle", "rival_provider"));
    assertThat(impacts.get(1).abnormalReturn()).isNegative();
    assertThat(impacts.subList(2, 5)).allSatisfy(i -> assertThat(i.abnormalReturn()).isPositive());
  }

  @Test
  void privateCompanyIsRevaluedByItsNewImpliedValuation() {
    RestructuringAnnounced recap =
        RestructuringAnnounced.newBuilder()
            .setMeta(meta("recap", SEED_DAY))
            .setCompany("openai")
            .setKind(RestructuringKind.RECAPITALIZATION)
            .setImpliedValuationUsd(550 * BILLION)
            .build();

    CompanyImpact openai = model.restructuring(recap, directory()).get(0);

    assertThat(Valuation.of(Fixtures.privateLab("openai", 500 * BILLION)).orElseThrow().basis())
        .isEqualTo(ValuationBasis.IMPLIED_VALUATION);
    assertThat(openai.driver("revaluation")).isCloseTo(0.1, within(1e-12));
    assertThat(openai.abnormalReturn()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void holderOfAChangedStakeGainsItsMarkToMarket() {
    RestructuringAnnounced recap =
        RestructuringAnnounced.newBuilder()
            .setMeta(meta("recap", SEED_DAY))
            .setCompany("openai")
            .setKind(RestructuringKind.RECAPITALIZATION)
            .setStakeChanges(List.of(new StakeChange("microsoft", 25.0, 27.0)))
            .build();

    CompanyImpact microsoft = model.restructuring(recap, directory()).get(1);

    assertThat(microsoft.company()).isEqualTo("microsoft");
    assertThat(microsoft.abnormalReturn()).isCloseTo(0.02 * 500.0 / 3_950, within(1e-12));
  }
}
