package io.impactsim.model.calibrate;

import java.util.Locale;
import java.util.Map;

/** The fitted parameters as a properties file that {@code --impact-model} loads. */
public final class ParameterFile {
  private ParameterFile() {}

  public static String render(Calibration.Result r) {
    StringBuilder s = new StringBuilder();
    s.append("# Impact-model parameters fitted by impactsim calibrate to ")
        .append(r.rows().size())
        .append(" observed reactions.\n")
        .append("# Coefficients: Huber M-estimator (k = 1.345) by iteratively reweighted least")
        .append(
            " squares;\n# shape parameters: the grid point with the least mean absolute error.\n")
        .append(metrics("in-sample", r.inSample()));
    if (r.leaveOneOut() != null) {
      s.append(metrics("leave-one-out", r.leaveOneOut()));
    }
    s.append(metrics("every named company +1%", r.naive()));
    for (Map.Entry<String, Double> p : r.parameters().entrySet()) {
      if (r.grid().containsKey(p.getKey()) || r.fitted().contains(p.getKey())) {
        s.append(p.getKey()).append('=').append(p.getValue()).append('\n');
      }
    }
    return s.toString();
  }

  private static String metrics(String name, FitMetrics m) {
    return String.format(
        Locale.ROOT,
        "# %s: sign agreement %.0f%%, Spearman %.2f, mean absolute error %.1f pp%n",
        name,
        100 * m.signAgreement(),
        m.spearman(),
        m.meanAbsErrorPp());
  }
}
