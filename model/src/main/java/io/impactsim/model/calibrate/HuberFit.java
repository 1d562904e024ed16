package io.impactsim.model.calibrate;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;

/**
 * Robust linear regression without intercept: Huber's M-estimator (Huber 1964) by iteratively
 * reweighted least squares. Residuals within {@code K} robust standard deviations weigh fully,
 * larger ones in inverse proportion to their size, so that a few confounded days do not set the
 * coefficients. The scale is the median absolute residual / 0.6745, recomputed at every step. A
 * tiny ridge keeps the system solvable when a column is nearly empty.
 */
final class HuberFit {
  /** Huber's tuning constant: 95% efficiency under normal errors. */
  static final double K = 1.345;

  private static final double RIDGE = 1e-8;
  private static final int MAX_ITERATIONS = 200;
  private static final double TOLERANCE = 1e-12;

  private HuberFit() {}

  /** The coefficients of {@code y ~ x} (rows are observations). */
  static double[] fit(double[][] x, double[] y) {
    int n = y.length;
    int k = x.length == 0 ? 0 : x[0].length;
    double[] weights = new double[n];
    Arrays.fill(weights, 1.0);
    double[] beta = weightedLeastSquares(x, y, weights, k);
    // Residuals this small relative to the data are a perfect fit: reweighting would only let the
    // ridge pull the coefficients.
    double floor = 1e-9 * Math.max(1e-12, Arrays.stream(y).map(Math::abs).max().orElse(0));
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] residuals = residuals(x, y, beta);
      double scale = medianAbs(residuals) / 0.6745;
      if (scale <= floor) {
        break;
      }
      for (int i = 0; i < n; i++) {
        double u = Math.abs(residuals[i]) / scale;
        weights[i] = u <= K ? 1.0 : K / u;
      }
      double[] next = weightedLeastSquares(x, y, weights, k);
      double change = 0;
      for (int j = 0; j < k; j++) {
        change = Math.max(change, Math.abs(next[j] - beta[j]));
      }
      beta = next;
      if (change < TOLERANCE) {
        break;
      }
    }
    return beta;
  }

  private static double[] weightedLeastSquares(double[][] x, double[] y, double[] w, int k) {
    int n = y.length;
    double[][] a = new double[n + k][k];
    double[] b = new double[n + k];
    for (int i = 0; i < n; i++) {
      double s = Math.sqrt(w[i]);
      for (int j = 0; j < k; j++) {
        a[i][j] = s * x[i][j];
      }
      b[i] = s * y[i];
    }
    double ridge = Math.sqrt(RIDGE);
    for (int j = 0; j < k; j++) {
      a[n + j][j] = ridge;
    }
    return new QRDecomposition(new Array2DRowRealMatrix(a, false))
        .getSolver()
        .solve(new ArrayRealVector(b, false))
        .toArray();
  }

  private static double[] residuals(double[][] x, double[] y, double[] beta) {
    double[] r = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double fitted = 0;
      for (int j = 0; j < beta.length; j++) {
        fitted += x[i][j] * beta[j];
      }
      r[i] = y[i] - fitted;
    }
    return r;
  }

  private static double medianAbs(double[] values) {
    double[] abs = Arrays.stream(values).map(Math::abs).sorted().toArray();
    int n = abs.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? abs[n / 2] : (abs[n / 2 - 1] + abs[n / 2]) / 2;
  }
}
