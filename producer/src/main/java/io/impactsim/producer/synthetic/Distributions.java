package io.impactsim.producer.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** The few distributions the synthetic market draws from. */
final class Distributions {
  /** No synthetic amount exceeds this, so sums over a million events stay far from overflow. */
  static final double MAX_USD = 2e12;

  private Distributions() {}

  /** Log-normal with the given median and log-space sigma, in whole dollars, at least $1. */
  static long logNormalUsd(SplittableRandom random, double median, double sigma) {
    double v = median * Math.exp(sigma * random.nextGaussian());
    return Math.max(1, Math.round(Math.min(v, MAX_USD)));
  }

  /** Pareto with scale {@code min} and shape {@code alpha}: a tail of rare, very large values. */
  static long paretoUsd(SplittableRandom random, double min, double alpha) {
    double v = min / Math.pow(1 - random.nextDouble(), 1 / alpha);
    return Math.round(Math.min(v, MAX_USD));
  }

  static <T> T pick(SplittableRandom random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Exponential with the given mean: the gap between events of a Poisson process. */
  static double exponential(SplittableRandom random, double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }
}
