package io.impactsim.producer.synthetic;

import java.time.Duration;
import java.time.Instant;

/**
 * What market to generate.
 *
 * @param events total events, company profiles included
 * @param companies companies in the market (at least 4: providers, a chip vendor, buyers)
 * @param seed the same seed gives the same events, ids included
 * @param start event time of the first event
 * @param span event time the events after the profiles spread over
 */
public record SyntheticConfig(long events, int companies, long seed, Instant start, Duration span) {
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");
  public static final Duration DEFAULT_SPAN = Duration.ofDays(365);

  public SyntheticConfig {
    if (companies < 4) {
      throw new IllegalArgumentException("--companies must be at least 4, got " + companies);
    }
    if (events < companies) {
      throw new IllegalArgumentException(
          "--events ("
              + events
              + ") must be at least --companies ("
              + companies
              + "): every company's profile is an event");
    }
    if (span.isNegative() || span.isZero()) {
      throw new IllegalArgumentException("span must be positive, got " + span);
    }
  }

  /** A market over 2025 with the given size and seed. */
  public static SyntheticConfig of(long events, int companies, long seed) {
    return new SyntheticConfig(events, companies, seed, DEFAULT_START, DEFAULT_SPAN);
  }
}
