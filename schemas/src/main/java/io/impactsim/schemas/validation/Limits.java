package io.impactsim.schemas.validation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The documented ranges of the input events' numbers and dates, shared by the producer, the streams
 * input gate and the history JSON Schema. They are far beyond any real figure (the largest
 * AI-compute deals are near 10^12 USD) and keep every sum, schedule and view record the application
 * derives from an event within its types and sizes.
 */
public final class Limits {
  /** Largest amount of money in one field: 10^15 USD. */
  public static final long MAX_USD = 1_000_000_000_000_000L;

  /** Largest magnitude of an EPS figure: 10^15 millionths of a dollar (10^9 USD a share). */
  public static final long MAX_EPS_MICROS = 1_000_000_000_000_000L;

  /** Shortest deal term in months. */
  public static final int MIN_TERM_MONTHS = 1;

  /** Longest deal term in months: 100 years. */
  public static final int MAX_TERM_MONTHS = 1_200;

  /** Earliest year of a date (Kafka record times start in 1970). */
  public static final int MIN_YEAR = 1970;

  /** Latest year of a date. */
  public static final int MAX_YEAR = 2200;

  /** Largest power capacity of one deal, in gigawatts. */
  public static final double MAX_CAPACITY_GW = 100_000;

  /** Largest number of accelerators in one deal line. */
  public static final long MAX_ACCELERATOR_COUNT = 1_000_000_000L;

  /** Largest stake, in percent. */
  public static final double MAX_PERCENT = 100;

  private Limits() {}

  /** The range of a numeric field, by its name (the same in every event type), if it has one. */
  public static Optional<Range> of(String field) {
    if (field.endsWith("Usd")) {
      return Optional.of(new Range(0, MAX_USD, "10^15 USD"));
    }
    return Optional.ofNullable(
        switch (field) {
          case "termMonths" -> new Range(MIN_TERM_MONTHS, MAX_TERM_MONTHS, "100 years");
          case "capacityGw" -> new Range(0, MAX_CAPACITY_GW, "GW");
          case "count" -> new Range(0, MAX_ACCELERATOR_COUNT, "10^9");
          case "stakePct", "beforePct", "afterPct" -> new Range(0, MAX_PERCENT, "percent");
          case "epsMicros", "epsConsensusMicros" ->
              new Range(-MAX_EPS_MICROS, MAX_EPS_MICROS, "±10^15 micros");
          default -> null;
        });
  }

  /** Why a date is outside the years {@link #MIN_YEAR}-{@link #MAX_YEAR}, or empty. */
  public static Optional<String> date(LocalDate date) {
    return date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR
        ? Optional.of("must be within the years " + MIN_YEAR + "-" + MAX_YEAR + ", was " + date)
        : Optional.empty();
  }

  /**
   * The allowed values of a numeric field, both ends included.
   *
   * @param unit what the bounds are in, for messages and docs
   */
  public record Range(double min, double max, String unit) {

    /** Why the value is outside the range (or not finite), phrased to follow the field's name. */
    public Optional<String> problem(Number value) {
      double v = value.doubleValue();
      if (!Double.isFinite(v)) {
        return Optional.of("is not a finite number: " + value);
      }
      if (v < min) {
        return Optional.of(
            (min == 0 ? "must not be negative" : "must be at least " + format(min))
                + ", was "
                + value);
      }
      if (v > max) {
        return Optional.of("must be at most " + format(max) + " (" + unit + "), was " + value);
      }
      return Optional.empty();
    }

    /** The bound as the JSON Schema and the messages write it: whole numbers without a point. */
    public static Number format(double bound) {
      return bound == Math.rint(bound) && Math.abs(bound) < 1e18 ? (Number) (long) bound : bound;
    }
  }
}
