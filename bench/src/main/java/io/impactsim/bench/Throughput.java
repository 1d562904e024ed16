package io.impactsim.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The measured runs of one contender: how many events each run accounted for and how long it took.
 *
 * @param name the contender, as the report shows it
 * @param runs one entry per measured run, in order
 */
public record Throughput(String name, List<Run> runs) {

  public Throughput {
    runs = List.copyOf(runs);
  }

  /**
   * One run: the events it accounted for (consumed, counted or committed), its duration, and the
   * offsets it wrote to its changelogs, repartition and output topics, by topic (none for a plain
   * consumer).
   */
  public record Run(
      long events, Duration elapsed, Map<String, Long> writtenByTopic, long cpuNanos) {
    public Run {
      writtenByTopic = Map.copyOf(writtenByTopic);
    }

    /** A run whose CPU time is not measured (the plain consumer shares the caller's thread). */
    public Run(long events, Duration elapsed, Map<String, Long> writtenByTopic) {
      this(events, elapsed, writtenByTopic, 0);
    }

    /** CPU microseconds of the contender's own threads per event accounted for. */
    public double cpuMicrosPerEvent() {
      return events == 0 ? 0 : cpuNanos / 1e3 / events;
    }

    public double eventsPerSecond() {
      return events / (elapsed.toNanos() / 1e9);
    }

    /** Offsets written to every topic. */
    public long written() {
      return writtenByTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Offsets written per event accounted for. */
    public double writtenPerEvent() {
      return events == 0 ? 0 : (double) written() / events;
    }
  }

  /** The median of the runs' events per second. */
  public double medianEventsPerSecond() {
    double[] rates = runs.stream().mapToDouble(Run::eventsPerSecond).sorted().toArray();
    int mid = rates.length / 2;
    return rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
  }

  /** The median of the runs' offsets written per event. */
  public double medianWrittenPerEvent() {
    double[] w = runs.stream().mapToDouble(Run::writtenPerEvent).sorted().toArray();
    int mid = w.length / 2;
    return w.length % 2 == 1 ? w[mid] : (w[mid - 1] + w[mid]) / 2;
  }

  /** The median of the runs' CPU microseconds per event. */
  public double medianCpuMicrosPerEvent() {
    double[] c = runs.stream().mapToDouble(Run::cpuMicrosPerEvent).sorted().toArray();
    int mid = c.length / 2;
    return c.length % 2 == 1 ? c[mid] : (c[mid - 1] + c[mid]) / 2;
  }

  /** The fewest events any run accounted for. */
  public long minEvents() {
    return runs.stream().mapToLong(Run::events).min().orElse(0);
  }
}
