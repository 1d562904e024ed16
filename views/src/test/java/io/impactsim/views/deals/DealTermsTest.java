package io.impactsim.views.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.serde.GeneratedRecords;
import io.impactsim.views.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DealTermsTest {
  static {
    // Records with nested defaults are built here before any serde has trusted their package.
    GeneratedRecords.trust();
  }

  private static final Instant AT = Instant.parse("2025-11-03T00:00:00Z");

  @Test
  void annualizedValueWithoutTermIsTheFullValue() {
    assertThat(DealTerms.annualized(300L, null)).isEqualTo(300L);
  }

  @Test
  void annualizedValueOfATrillionOverFiveYearsDoesNotOverflow() {
    assertThat(DealTerms.annualized(1_400_000_000_000_000_000L, 60))
        .isEqualTo(280_000_000_000_000_000L);
  }

  @Test
  void quarterIsTheCalendarQuarterInUtc() {
    assertThat(DealTerms.quarterOf(Instant.parse("2025-12-31T23:59:59Z"))).isEqualTo("2025-Q4");
    assertThat(DealTerms.quarterOf(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-Q1");
    assertThat(DealTerms.endOfQuarter("2025-Q4")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void infrastructureCommitmentWithOneProviderCounts() {
    var deal =
        Events.deal("e", AT, "openai", "oracle", 300L)
            .setKind(DealKind.INFRASTRUCTURE_COMMITMENT)
            .build();
    assertThat(DealTerms.counts(deal)).isTrue();
  }

  @Test
  void infrastructureCommitmentOfTheBuyerItselfDoesNotCount() {
    var deal =
        Events.deal("e", AT, "openai", "openai", 300L)
            .setKind(DealKind.INFRASTRUCTURE_COMMITMENT)
            .build();
    assertThat(DealTerms.counts(deal)).isFalse();
  }
}
