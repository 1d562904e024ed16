package io.impactsim.bench;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param latencyRate events per second published during the latency run
 * @param latencyEvents events published during the latency run; 0 skips it
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
    int latencyRate,
    long latencyEvents,
    Path stateDir,
    Duration timeout) {

  public BenchOptions {
    if (events < 1 || companies < 1 || runs < 1 || warmups < 0 || partitions < 1) {
      throw new IllegalArgumentException(
          "events, companies, runs and partitions must be positive, warm-ups not negative");
    }
    if (latencyEvents < 0 || (latencyEvents > 0 && latencyRate < 1)) {
      throw new IllegalArgumentException("the latency run needs a positive rate");
    }
  }
}
