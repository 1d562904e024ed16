package io.impactsim.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run measures and how.
 *
 * @param events synthetic events published before the throughput runs, company profiles included
 * @param companies companies of the synthetic market
 * @param seed seed of the synthetic market
 * @param warmups unmeasured runs of each contender before the measured ones
 * @param runs measured runs of each contender; the report gives their median
 * @param partitions of every topic the benchmark creates
 * @param commitInterval of both Kafka Streams jobs (exactly-once transactions)
 * @param latencyRates events per second of each latency run, in order; empty skips them
 * @param latencyDuration how long each latency run publishes
 * @param stateDir where the Kafka Streams jobs keep their local state
 * @param timeout how long any one step may take
 */
public record BenchOptions(
    long events,
    int companies,
    long seed,
    int warmups,
    int runs,
    int partitions,
    Duration commitInterval,
    List<Integer> latencyRates,
    Duration latencyDuration,
    Path stateDir,
    Duration timeout) {

  public BenchOptions {
    if (events < 1 || companies < 1 || runs < 1 || warmups < 0 || partitions < 1) {
      throw new IllegalArgumentException(
          "events, companies, runs and partitions must be positive, warm-ups not negative");
    }
    latencyRates = List.copyOf(latencyRates);
    if (latencyRates.stream().anyMatch(r -> r < 1)) {
      throw new IllegalArgumentException("latency rates must be positive");
    }
    if (!latencyRates.isEmpty() && (latencyDuration.isNegative() || latencyDuration.isZero())) {
      throw new IllegalArgumentException("the latency runs need a positive duration");
    }
  }

  /** Events one latency run at {@code rate} publishes, company profiles included. */
  public long latencyEvents(int rate) {
    return Math.max(companies + 10L, rate * latencyDuration.toMillis() / 1000);
  }
}
