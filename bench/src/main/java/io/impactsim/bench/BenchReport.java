package io.impactsim.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run.
 *
 * @param published events published before the throughput runs, company profiles included
 * @param events of them, the events on the three event topics that every contender must account for
 * @param consumer contender A, a plain consumer
 * @param counting contender B, a bare Kafka Streams counting job
 * @param views contender C, the whole impactsim application
 * @param latency the latency runs, by rate
 */
public record BenchReport(
    long published,
    long events,
    Throughput consumer,
    Throughput counting,
    Throughput views,
    List<Latency> latency) {

  public BenchReport {
    latency = List.copyOf(latency);
  }

  /** C's median throughput as a share of A's. */
  public double viewsOverConsumer() {
    return views.medianEventsPerSecond() / consumer.medianEventsPerSecond();
  }

  /** C's median throughput as a share of B's. */
  public double viewsOverCounting() {
    return views.medianEventsPerSecond() / counting.medianEventsPerSecond();
  }

  /** The report as a Markdown table, ready for {@code docs/performance.md}. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "%,d events published (%,d on the event topics)%n%n", published, events));
    out.append(
        "| contender | events/s (median) | runs (events/s) | events accounted for"
            + " | offsets written per event | CPU µs per event (own threads) |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Throughput t : new Throughput[] {consumer, counting, views}) {
      out.append(row(t));
    }
    out.append(
        String.format(
            Locale.ROOT, "%nC/A = %.4f, C/B = %.4f%n", viewsOverConsumer(), viewsOverCounting()));
    if (!latency.isEmpty()) {
      out.append(
          "\n| publish to visible reaction | p50 | p99 | max | timed events with a reaction |\n");
      out.append("|---|---|---|---|---|\n");
      latency.forEach(l -> out.append(latencyLine(l)));
    }
    out.append(writesTable(views));
    return out.toString();
  }

  /** Where the contender's last run wrote, per event, largest first. */
  private static String writesTable(Throughput t) {
    if (t.runs().isEmpty()) {
      return "";
    }
    Throughput.Run last = t.runs().get(t.runs().size() - 1);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nOffsets %s wrote in its last run (transaction markers included)%n%n",
            t.name()));
    out.append("| topic | offsets | per event |\n|---|---|---|\n");
    last.writtenByTopic().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %,d | %.1f |%n",
                        e.getKey(),
                        e.getValue(),
                        last.events() == 0 ? 0 : (double) e.getValue() / last.events())));
    out.append(
        String.format(
            Locale.ROOT, "| total | %,d | %.1f |%n", last.written(), last.writtenPerEvent()));
    return out.toString();
  }

  private static String row(Throughput t) {
    StringBuilder runs = new StringBuilder();
    for (Throughput.Run r : t.runs()) {
      runs.append(runs.isEmpty() ? "" : ", ")
          .append(String.format(Locale.ROOT, "%,.0f", r.eventsPerSecond()));
    }
    return String.format(
        Locale.ROOT,
        "| %s | %,.0f | %s | %,d | %.1f | %.1f |%n",
        t.name(),
        t.medianEventsPerSecond(),
        runs,
        t.minEvents(),
        t.medianWrittenPerEvent(),
        t.medianCpuMicrosPerEvent());
  }

  private static String latencyLine(Latency l) {
    return String.format(
        Locale.ROOT,
        "| at %,d events/s | %.1f ms | %.1f ms | %.1f ms | %,d of %,d |%n",
        l.rate(),
        l.percentile(50),
        l.percentile(99),
        l.max(),
        l.measured(),
        l.published());
  }
}
