package io.impactsim.model.calibrate;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How well predicted abnormal returns agree with observed ones.
 *
 * @param count the number of reactions compared
 * @param signAgreement the share of reactions whose predicted sign is the observed one (a
 *     prediction of exactly 0 agrees with nothing)
 * @param spearman rank correlation of predicted and observed returns, NaN when either is constant
 * @param meanAbsErrorPp mean absolute difference in percentage points
 */
public record FitMetrics(int count, double signAgreement, double spearman, double meanAbsErrorPp) {

  public static FitMetrics of(double[] predicted, double[] observed) {
    int n = observed.length;
    int agree = 0;
    double absError = 0;
    for (int i = 0; i < n; i++) {
      if (predicted[i] != 0 && Math.signum(predicted[i]) == Math.signum(observed[i])) {
        agree++;
      }
      absError += Math.abs(predicted[i] - observed[i]);
    }
    double spearman = Double.NaN;
    if (n > 2 && !constant(predicted) && !constant(observed)) {
      spearman = new SpearmansCorrelation().correlation(predicted, observed);
    }
    return new FitMetrics(
        n, n == 0 ? 0 : (double) agree / n, spearman, n == 0 ? 0 : 100 * absError / n);
  }

  private static boolean constant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }
}
