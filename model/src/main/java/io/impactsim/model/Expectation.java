package io.impactsim.model;

import io.impactsim.schemas.avro.EarningsReported;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the market expected of a reported figure: the consensus when the report carries one, else a
 * random walk with drift over the previous quarters (Ball & Watts 1972).
 *
 * @param fromConsensus true when the consensus was used, false for the trend
 * @param quarters the number of previous quarters the trend used (0 with consensus)
 */
record Expectation(double value, boolean fromConsensus, int quarters) {

  static Expectation consensus(double value) {
    return new Expectation(value, true, 0);
  }

  /** Revenue grows multiplicatively: last x (1 + mean quarter-on-quarter growth). */
  static Expectation revenueTrend(List<EarningsReported> prior, int maxQuarters) {
    List<Double> values = lastValues(prior, q -> (double) q.getRevenueUsd(), maxQuarters + 1);
    if (values.isEmpty()) {
      return null;
    }
    double growth = 0;
    int pairs = 0;
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i - 1) > 0) {
        growth += values.get(i) / values.get(i - 1) - 1;
        pairs++;
      }
    }
    double drift = pairs == 0 ? 0 : growth / pairs;
    return new Expectation(values.get(values.size() - 1) * (1 + drift), false, values.size());
  }

  /** EPS may be negative, so its drift is additive: last + mean quarter-on-quarter change. */
  static Expectation epsTrend(List<EarningsReported> prior, int maxQuarters) {
    List<Double> values =
        lastValues(
            prior,
            q -> q.getEpsMicros() == null ? null : q.getEpsMicros().doubleValue(),
            maxQuarters + 1);
    if (values.isEmpty()) {
      return null;
    }
    double last = values.get(values.size() - 1);
    double drift = values.size() < 2 ? 0 : (last - values.get(0)) / (values.size() - 1);
    return new Expectation(last + drift, false, values.size());
  }

  private static List<Double> lastValues(
      List<EarningsReported> prior, Function<EarningsReported, Double> figure, int count) {
    List<Double> values = prior.stream().map(figure).filter(Objects::nonNull).toList();
    return values.subList(Math.max(0, values.size() - count), values.size());
  }
}
