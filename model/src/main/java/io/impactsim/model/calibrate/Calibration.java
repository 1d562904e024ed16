package io.impactsim.model.calibrate;

import io.impactsim.model.ImpactModelConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * Fits the impact model's parameters to observed reactions.
 *
 * <p>The parameters that scale a feature of the event ({@link #LINEAR}) are fitted by Huber's
 * robust regression ({@link HuberFit}); the shape parameters ({@link #GRID}) by trying every
 * combination of their grid values and keeping the one whose robust fit has the smallest mean
 * absolute error. Leave-one-out repeats the whole procedure, grid choice included, without each
 * reaction in turn and predicts it, so that it measures the model on a reaction it was not fitted
 * to.
 */
public final class Calibration {
  /** Parameters fitted by robust regression: each is a coefficient on a feature of the event. */
  public static final List<String> LINEAR =
      List.of(
          "deal.size_coefficient",
          "deal.buyer_size_coefficient",
          "deal.supplier_size_coefficient",
          "deal.party_size_coefficient",
          "earnings.erc",
          "earnings.revenue_response",
          "earnings.guidance_response",
          "earnings.growth_response",
          "earnings.capex_response",
          "earnings.peer_response");

  /** Shape parameters and the values tried for each. */
  public static final Map<String, double[]> GRID = grid();

  /**
   * A parameter is fitted only when at least this many reactions have a non-zero feature for it.
   */
  public static final int MIN_SUPPORT = 3;

  /** The naive baseline: every company the event names moves by this much. */
  public static final double NAIVE_RETURN = 0.01;

  /** Receives the progress of a long calibration. */
  public interface Progress {
    void step(long done, long total);
  }

  /** One reaction and the model's predictions of it. */
  public record Row(Sample sample, double fitted, double leaveOneOut, double naive) {}

  /**
   * The fitted parameters, with which of them the data supported; the metrics of the fit in-sample,
   * leave-one-out (absent when not asked for) and of the naive baseline.
   */
  public record Result(
      Map<String, Double> grid,
      Map<String, Double> parameters,
      List<String> fitted,
      FitMetrics inSample,
      FitMetrics leaveOneOut,
      FitMetrics naive,
      List<Row> rows,
      int unvalued) {}

  private record Fit(Map<String, Double> parameters, List<String> fitted, double meanAbsError) {}

  private record GridPoint(Map<String, Double> values, List<Sample> samples) {}

  private final CalibrationSet set;
  private final Properties base;

  /**
   * @param base a complete set of model parameters (the bundled defaults, or them overridden by a
   *     user file): the values of parameters the data cannot fit
   */
  public Calibration(CalibrationSet set, Properties base) {
    this.set = set;
    this.base = base;
  }

  public Result run(boolean leaveOneOut, Progress progress) {
    List<GridPoint> points = gridPoints();
    List<Sample> reference = points.get(0).samples();
    int[] valued =
        IntStream.range(0, reference.size()).filter(i -> reference.get(i).valued()).toArray();
    long total = points.size() + (leaveOneOut ? (long) valued.length * points.size() : 0);
    long[] done = {0};
    // Every numeric parameter: a feature's parameter that is not fitted keeps its base value.
    Map<String, Double> baseValues = new LinkedHashMap<>();
    for (String key : new java.util.TreeSet<>(base.stringPropertyNames())) {
      try {
        baseValues.put(key, Double.parseDouble(base.getProperty(key).trim()));
      } catch (NumberFormatException e) {
        // Not a number (e.g. model.version): no feature uses it.
      }
    }

    int best = -1;
    Fit bestFit = null;
    for (int g = 0; g < points.size(); g++) {
      Fit fit = fitOn(points.get(g).samples(), valued, -1, baseValues);
      if (bestFit == null || fit.meanAbsError() < bestFit.meanAbsError()) {
        best = g;
        bestFit = fit;
      }
      progress.step(++done[0], total);
    }
    GridPoint chosen = points.get(best);

    double[] observed = new double[valued.length];
    double[] fitted = new double[valued.length];
    double[] naive = new double[valued.length];
    double[] loo = new double[valued.length];
    for (int v = 0; v < valued.length; v++) {
      Sample s = chosen.samples().get(valued[v]);
      observed[v] = s.observed().abnormalReturn();
      fitted[v] = s.predict(bestFit.parameters());
      naive[v] = s.party() ? NAIVE_RETURN : 0;
      if (leaveOneOut) {
        loo[v] = leaveOut(points, valued, valued[v], baseValues, progress, done, total);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int v = 0; v < valued.length; v++) {
      rows.add(
          new Row(
              chosen.samples().get(valued[v]),
              fitted[v],
              leaveOneOut ? loo[v] : Double.NaN,
              naive[v]));
    }
    Map<String, Double> parameters = new LinkedHashMap<>(chosen.values());
    for (String k : LINEAR) {
      parameters.put(k, bestFit.parameters().get(k));
    }
    return new Result(
        chosen.values(),
        parameters,
        bestFit.fitted(),
        FitMetrics.of(fitted, observed),
        leaveOneOut ? FitMetrics.of(loo, observed) : null,
        FitMetrics.of(naive, observed),
        rows,
        reference.size() - valued.length);
  }

  /** The prediction of one reaction by the whole procedure run without it. */
  private double leaveOut(
      List<GridPoint> points,
      int[] valued,
      int left,
      Map<String, Double> baseValues,
      Progress progress,
      long[] done,
      long total) {
    Fit best = null;
    int bestPoint = -1;
    for (int g = 0; g < points.size(); g++) {
      Fit fit = fitOn(points.get(g).samples(), valued, left, baseValues);
      if (best == null || fit.meanAbsError() < best.meanAbsError()) {
        best = fit;
        bestPoint = g;
      }
      progress.step(++done[0], total);
    }
    return points.get(bestPoint).samples().get(left).predict(best.parameters());
  }

  /**
   * The robust fit of the linear parameters on the valued reactions other than {@code left} (-1 for
   * none). A parameter without {@link #MIN_SUPPORT} reactions that use it keeps its base value.
   */
  private static Fit fitOn(
      List<Sample> samples, int[] valued, int left, Map<String, Double> baseValues) {
    List<Sample> training = new ArrayList<>();
    for (int i : valued) {
      if (i != left) {
        training.add(samples.get(i));
      }
    }
    List<String> columns = new ArrayList<>();
    for (String parameter : LINEAR) {
      long support = training.stream().filter(s -> s.feature(parameter) != 0).count();
      if (support >= MIN_SUPPORT) {
        columns.add(parameter);
      }
    }
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Sample s : training) {
      if (s.fit() == null || columns.stream().allMatch(c -> s.feature(c) == 0)) {
        continue;
      }
      double target = s.observed().abnormalReturn() - s.fit().fixed();
      for (Map.Entry<String, Double> f : s.fit().features().entrySet()) {
        if (!columns.contains(f.getKey())) {
          target -= baseValues.getOrDefault(f.getKey(), 0.0) * f.getValue();
        }
      }
      x.add(columns.stream().mapToDouble(s::feature).toArray());
      y.add(target);
    }
    Map<String, Double> parameters = new LinkedHashMap<>(baseValues);
    if (!x.isEmpty() && !columns.isEmpty()) {
      double[] beta =
          HuberFit.fit(x.toArray(double[][]::new), y.stream().mapToDouble(d -> d).toArray());
      for (int j = 0; j < columns.size(); j++) {
        parameters.put(columns.get(j), beta[j]);
      }
    }
    double absError = 0;
    for (Sample s : training) {
      absError += Math.abs(s.predict(parameters) - s.observed().abnormalReturn());
    }
    return new Fit(parameters, columns, training.isEmpty() ? 0 : absError / training.size());
  }

  private List<GridPoint> gridPoints() {
    List<Map<String, Double>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    for (Map.Entry<String, double[]> axis : GRID.entrySet()) {
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> partial : combinations) {
        for (double value : axis.getValue()) {
          Map<String, Double> point = new LinkedHashMap<>(partial);
          point.put(axis.getKey(), value);
          next.add(point);
        }
      }
      combinations = next;
    }
    List<GridPoint> points = new ArrayList<>();
    for (Map<String, Double> values : combinations) {
      Properties p = new Properties();
      p.putAll(base);
      values.forEach((k, v) -> p.setProperty(k, Double.toString(v)));
      ImpactModelConfig config = ImpactModelConfig.fromProperties(p, "calibration grid");
      points.add(new GridPoint(values, set.samples(config)));
    }
    return points;
  }

  private static Map<String, double[]> grid() {
    Map<String, double[]> grid = new LinkedHashMap<>();
    grid.put("deal.size_exponent", new double[] {0.25, 0.35, 0.5, 0.75, 1.0});
    grid.put("deal.linked_size_exponent", new double[] {0.25, 0.5, 0.75, 1.0});
    grid.put("deal.qualifier.UP_TO", new double[] {0.5, 0.75, 1.0});
    grid.put("deal.qualifier.IN_TALKS", new double[] {0.25, 0.5, 1.0});
    grid.put("earnings.surprise_cap", new double[] {0.01, 0.02, 0.05, 0.1, 1.0});
    return Collections.unmodifiableMap(grid);
  }
}
