package io.impactsim.bench.serving;

import io.impactsim.views.View;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The figures of one serving benchmark, rendered as a table per start. */
public record ServingBenchReport(
    ServingBenchOptions options,
    Map<View, Long> records,
    Map<View, Long> keys,
    long bytesWritten,
    Duration writing,
    List<InstanceFigures> starts) {

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Serving at scale: %,d view records (%,d bytes, written in %.1f s), mix %s, %,d"
                + " companies, --metrics-companies %d%n",
            options.records(),
            bytesWritten,
            seconds(writing),
            options.mix(),
            options.companies(),
            options.metricsCompanies()));
    for (View v : View.values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-13s %,11d records %,11d keys%n",
              v.id(),
              records.getOrDefault(v, 0L),
              keys.getOrDefault(v, 0L)));
    }
    out.append(String.format(Locale.ROOT, "%n%-36s", "figure"));
    starts.forEach(s -> out.append(String.format(Locale.ROOT, " | %22s", s.phase())));
    out.append('\n');
    row(out, "to RUNNING (s)", s -> sec(s.toRunning()));
    row(out, "to /ready 200 (s)", s -> sec(s.toReady()));
    row(out, "to first live snapshot (s)", s -> sec(s.toSnapshot()));
    row(out, "  that client's snapshot (s)", s -> sec(s.snapshot()));
    row(out, "  clients until one got it", s -> num(s.snapshotAttempts()));
    row(out, "  snapshot entries", s -> num(s.snapshotEntries()));
    row(out, "  snapshot bytes", s -> num(s.snapshotBytes()));
    row(out, "records restored before RUNNING", s -> num(s.restored()));
    row(out, "restoration (s)", s -> sec(s.restoring()));
    row(out, "heap before start, after GC (MiB)", s -> mib(s.heapBaseline()));
    row(out, "heap serving, after GC (MiB)", s -> mib(s.heapAfterGc()));
    row(out, "  the instance's share (MiB)", s -> mib(s.instanceHeap()));
    row(out, "heap pools' peaks to snapshot (MiB)", s -> mib(s.heapPeak()));
    row(out, "process RSS (MiB)", s -> s.rss() < 0 ? "-" : mib(s.rss()));
    row(out, "/metrics bytes", s -> num(s.metricsBytes()));
    row(out, "/metrics series", s -> num(s.metricsSeries()));
    row(out, "  of which impactsim_market_cap_usd", s -> num(s.marketCapSeries()));
    return out.toString();
  }

  private void row(StringBuilder out, String name, Function<InstanceFigures, String> value) {
    out.append(String.format(Locale.ROOT, "%-36s", name));
    starts.forEach(s -> out.append(String.format(Locale.ROOT, " | %22s", value.apply(s))));
    out.append('\n');
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static String sec(Duration d) {
    return String.format(Locale.ROOT, "%.2f", seconds(d));
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }
}
