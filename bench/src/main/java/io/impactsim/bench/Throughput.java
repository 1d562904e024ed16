package io.impactsim.bench;

import java.time.Duration;
import java.util.List;

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

  /** One run: the events it accounted for (consumed, counted or committed) and its duration. */
  public record Run(long events, Duration elapsed) {
    public double eventsPerSecond() {
      return events / (elapsed.toNanos() / 1e9);
    }
  }

  /** The median of the runs' events per second. */
  public double medianEventsPerSecond() {
    double[] rates = runs.stream().mapToDouble(Run::eventsPerSecond).sorted().toArray();
    int mid = rates.length / 2;
    return rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
  }

  /** The fewest events any run accounted for. */
  public long minEvents() {
    return runs.stream().mapToLong(Run::events).min().orElse(0);
  }
}
