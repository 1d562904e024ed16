package io.impactsim.cli;

import com.github.freva.asciitable.AsciiTable;
import io.impactsim.model.calibrate.Calibration;
import io.impactsim.model.calibrate.FitMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The fit of a calibration as text tables. */
final class CalibrationReport {
  private CalibrationReport() {}

  static String render(Calibration.Result r, int residuals) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "Fitted to %d observed reactions (%d more left out: no valued profile at the"
                + " event).%n%n",
            r.rows().size(),
            r.unvalued()));
    List<String[]> metrics = new ArrayList<>();
    metrics.add(row("model, in-sample", r.inSample()));
    if (r.leaveOneOut() != null) {
      metrics.add(row("model, leave-one-out", r.leaveOneOut()));
    }
    metrics.add(row("every named company +1%", r.naive()));
    s.append(
            AsciiTable.getTable(
                new String[] {"fit", "reactions", "sign agreement", "Spearman", "mean abs. error"},
                metrics.toArray(String[][]::new)))
        .append("\n\n");
    List<String[]> params = new ArrayList<>();
    r.grid().forEach((k, v) -> params.add(new String[] {k, fmt(v), "grid"}));
    Calibration.LINEAR.forEach(
        k ->
            params.add(
                new String[] {
                  k,
                  fmt(r.parameters().get(k)),
                  r.fitted().contains(k) ? "robust fit" : "kept (too few reactions use it)"
                }));
    s.append(
            AsciiTable.getTable(
                new String[] {"parameter", "value", "how"}, params.toArray(String[][]::new)))
        .append("\n");
    if (residuals > 0) {
      boolean loo = r.leaveOneOut() != null;
      List<Calibration.Row> largest =
          r.rows().stream()
              .sorted(
                  Comparator.comparingDouble(
                          (Calibration.Row row) ->
                              -Math.abs(
                                  (loo ? row.leaveOneOut() : row.fitted())
                                      - row.sample().observed().abnormalReturn()))
                      .thenComparing(row -> row.sample().observed().eventId()))
              .limit(residuals)
              .toList();
      s.append("\nLargest residuals (").append(loo ? "leave-one-out" : "in-sample").append(")\n");
      s.append(
              AsciiTable.getTable(
                  new String[] {
                    "event", "company", "role", "window", "observed", "model", "residual"
                  },
                  largest.stream()
                      .map(
                          row -> {
                            double predicted = loo ? row.leaveOneOut() : row.fitted();
                            double observed = row.sample().observed().abnormalReturn();
                            return new String[] {
                              row.sample().observed().eventId(),
                              row.sample().observed().company(),
                              row.sample().role(),
                              row.sample().observed().window(),
                              pct(observed),
                              pct(predicted),
                              pct(observed - predicted)
                            };
                          })
                      .toArray(String[][]::new)))
          .append("\n");
    }
    return s.toString();
  }

  private static String[] row(String name, FitMetrics m) {
    return new String[] {
      name,
      Integer.toString(m.count()),
      String.format(Locale.ROOT, "%.0f%%", 100 * m.signAgreement()),
      Double.isNaN(m.spearman()) ? "-" : String.format(Locale.ROOT, "%.2f", m.spearman()),
      String.format(Locale.ROOT, "%.1f pp", m.meanAbsErrorPp())
    };
  }

  private static String pct(double ratio) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * ratio);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
