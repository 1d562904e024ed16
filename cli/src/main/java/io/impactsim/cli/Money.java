package io.impactsim.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats exact USD amounts for people: $38.0B, $1.40T, $950M. */
final class Money {
  private static final long THOUSAND = 1_000L;
  private static final long MILLION = 1_000_000L;
  private static final long BILLION = 1_000_000_000L;
  private static final long TRILLION = 1_000_000_000_000L;

  private Money() {}

  static String usd(Long amount) {
    if (amount == null) {
      return "-";
    }
    long abs = Math.abs(amount);
    String sign = amount < 0 ? "-" : "";
    if (abs >= TRILLION) {
      return sign + "$" + scaled(abs, TRILLION, 2) + "T";
    }
    if (abs >= BILLION) {
      return sign + "$" + scaled(abs, BILLION, 1) + "B";
    }
    if (abs >= MILLION) {
      return sign + "$" + scaled(abs, MILLION, 1) + "M";
    }
    if (abs >= THOUSAND) {
      return sign + "$" + scaled(abs, THOUSAND, 1) + "K";
    }
    return sign + "$" + abs;
  }

  /** A signed amount, with an explicit plus for gains. */
  static String signedUsd(long amount) {
    return (amount > 0 ? "+" : "") + usd(amount);
  }

  static String percent(double ratio, int decimals) {
    return BigDecimal.valueOf(ratio * 100).setScale(decimals, RoundingMode.HALF_UP) + "%";
  }

  private static String scaled(long abs, long unit, int decimals) {
    return BigDecimal.valueOf(abs)
        .divide(BigDecimal.valueOf(unit), decimals, RoundingMode.HALF_UP)
        .toPlainString();
  }
}
