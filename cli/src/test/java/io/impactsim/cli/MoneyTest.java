package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void formatsAmountsWithTheLargestFittingUnit() {
    assertThat(Money.usd(38_000_000_000L)).isEqualTo("$38.0B");
    assertThat(Money.usd(1_400_000_000_000L)).isEqualTo("$1.40T");
    assertThat(Money.usd(950_000_000L)).isEqualTo("$950.0M");
    assertThat(Money.usd(12_345L)).isEqualTo("$12.3K");
    assertThat(Money.usd(999L)).isEqualTo("$999");
  }

  @Test
  void keepsTheSignAndShowsMissingAmountsAsADash() {
    assertThat(Money.usd(-140_000_000_000L)).isEqualTo("-$140.0B");
    assertThat(Money.signedUsd(140_000_000_000L)).isEqualTo("+$140.0B");
    assertThat(Money.usd(null)).isEqualTo("-");
  }

  @Test
  void formatsRatiosAsPercentages() {
    assertThat(Money.percent(0.0561, 2)).isEqualTo("5.61%");
    assertThat(Money.percent(-0.004, 1)).isEqualTo("-0.4%");
  }
}
