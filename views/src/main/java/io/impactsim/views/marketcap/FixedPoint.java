package io.impactsim.views.marketcap;

/**
 * Returns and variances as whole multiples of 10^-12, so that the running value of a company is a
 * sum of integers: the same bytes whatever order its events arrive in. A return of the model is
 * rounded to this grid once, where its event is processed; everything after that is integer
 * arithmetic.
 */
public final class FixedPoint {
  /** Units per 1.0: a return of +1% is 10,000,000,000 units. */
  public static final long SCALE = 1_000_000_000_000L;

  private FixedPoint() {}

  /** A ratio (a return, a variance) on the grid. */
  public static long units(double ratio) {
    if (!Double.isFinite(ratio)) {
      throw new IllegalArgumentException("not a finite ratio: " + ratio);
    }
    return Math.round(ratio * SCALE);
  }

  public static double ratio(long units) {
    return units / (double) SCALE;
  }

  /** {@code valueUsd x units}, rounded to whole dollars. */
  public static long dollars(long valueUsd, long units) {
    return Math.round((double) valueUsd * units / SCALE);
  }
}
