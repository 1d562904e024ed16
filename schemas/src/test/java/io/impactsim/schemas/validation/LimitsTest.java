package io.impactsim.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @BeforeAll
  static void trustGeneratedRecords() {
    // Building a record copies the schema's defaults, which Avro does only for trusted classes.
    GeneratedRecords.trust();
  }

  @Test
  void eachRangeAcceptsItsBoundsAndRefusesWhatLiesBeyond() {
    assertThat(Limits.of("valueUsd").orElseThrow().problem(Limits.MAX_USD)).isEmpty();
    assertThat(Limits.of("backlogUsd").orElseThrow().problem(Limits.MAX_USD + 1))
        .contains("must be at most 1000000000000000 (10^15 USD), was 1000000000000001");
    assertThat(Limits.of("valueUsd").orElseThrow().problem(Long.MAX_VALUE)).isPresent();
    assertThat(Limits.of("termMonths").orElseThrow().problem(1_200)).isEmpty();
    assertThat(Limits.of("termMonths").orElseThrow().problem(1_201))
        .contains("must be at most 1200 (100 years), was 1201");
    assertThat(Limits.of("termMonths").orElseThrow().problem(0))
        .contains("must be at least 1, was 0");
    assertThat(Limits.of("capacityGw").orElseThrow().problem(100_000.0)).isEmpty();
    assertThat(Limits.of("capacityGw").orElseThrow().problem(1e300)).isPresent();
    assertThat(Limits.of("count").orElseThrow().problem(1_000_000_001L)).isPresent();
    assertThat(Limits.of("stakePct").orElseThrow().problem(100.0)).isEmpty();
    assertThat(Limits.of("afterPct").orElseThrow().problem(-0.5))
        .contains("must not be negative, was -0.5");
    assertThat(Limits.of("epsMicros").orElseThrow().problem(-Limits.MAX_EPS_MICROS)).isEmpty();
    assertThat(Limits.of("epsMicros").orElseThrow().problem(Long.MIN_VALUE)).isPresent();
    assertThat(Limits.of("yoyGrowth")).isEmpty();
    assertThat(Limits.date(LocalDate.of(1970, 1, 1))).isEmpty();
    assertThat(Limits.date(LocalDate.of(2200, 12, 31))).isEmpty();
    assertThat(Limits.date(LocalDate.of(2201, 1, 1)))
        .contains("must be within the years 1970-2200, was 2201-01-01");
    assertThat(Limits.date(LocalDate.of(1969, 12, 31))).isPresent();
  }

  @Test
  void nineThousandAmountsAtTheLimitStillFitInALong() {
    assertThat(Math.multiplyHigh(Limits.MAX_USD, 9_000)).isZero();
    assertThat(Limits.MAX_USD * 9_000).isPositive();
  }

  @Test
  void fieldRulesNameEachBrokenFieldByItsPath() {
    DealAnnounced deal = deal();
    deal.setBuyer("\u200B");
    deal.setTermMonths(Integer.MAX_VALUE);
    deal.setStartDate(LocalDate.of(2500, 1, 1));
    deal.setAccelerators(
        List.of(new Accelerator("nvidia", "a\uD800", 2_000_000_000L, ValueQualifier.EXACT)));
    List<String> problems = new ArrayList<>();

    FieldRules.check(deal, (path, problem) -> problems.add(path + " " + problem));

    assertThat(problems)
        .containsExactly(
            "buyer has only invisible characters (spaces, format characters)",
            "termMonths must be at most 1200 (100 years), was 2147483647",
            "startDate must be within the years 1970-2200, was 2500-01-01",
            "accelerators[0].model is not well-formed Unicode: unpaired surrogate U+D800 at index 1",
            "accelerators[0].count must be at most 1000000000 (10^9), was 2000000000");
  }

  @Test
  void aDealWithinEveryRangePassesWhateverItsFigures() {
    SplittableRandom random = new SplittableRandom(1200);
    for (int i = 0; i < 2_000; i++) {
      DealAnnounced deal = deal();
      deal.setValueUsd(random.nextLong(0, Limits.MAX_USD + 1));
      deal.setTermMonths(random.nextInt(Limits.MIN_TERM_MONTHS, Limits.MAX_TERM_MONTHS + 1));
      deal.setStartDate(
          LocalDate.ofEpochDay(random.nextLong(0, LocalDate.of(2201, 1, 1).toEpochDay())));
      deal.setCapacityGw(random.nextDouble(0, Limits.MAX_CAPACITY_GW));
      List<String> problems = new ArrayList<>();

      FieldRules.check(deal, (path, problem) -> problems.add(path + " " + problem));

      assertThat(problems).as(deal.toString()).isEmpty();
    }
  }

  @Test
  void aCommitmentAcrossManyProvidersMayLeaveTheProviderEmpty() {
    DealAnnounced deal = deal();
    deal.setKind(DealKind.INFRASTRUCTURE_COMMITMENT);
    deal.setProvider("");
    List<String> problems = new ArrayList<>();

    FieldRules.check(deal, (path, problem) -> problems.add(path + " " + problem));

    assertThat(problems).isEmpty();
  }

  private static DealAnnounced deal() {
    return DealAnnounced.newBuilder()
        .setMeta(new EventMetadata("d-1", Instant.parse("2025-11-03T12:00:00Z"), "test"))
        .setDealId("d-1")
        .setBuyer("openai")
        .setProvider("amazon")
        .setKind(DealKind.CLOUD_CAPACITY)
        .setValueUsd(1L)
        .setValueQualifier(ValueQualifier.EXACT)
        .build();
  }
}
