package io.impactsim.bench.serving;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one serving benchmark writes and how it starts the instance.
 *
 * @param records view records written before the instance starts
 * @param mix how the records are shared among the views
 * @param companies distinct companies keying market cap and capex
 * @param seed of the synthetic values
 * @param partitions of every topic created
 * @param metricsCompanies the instance's {@code --metrics-companies}
 * @param stateDir parent of the instance's state directories, a fresh one per start
 * @param timeout longest any one step may take
 */
public record ServingBenchOptions(
    long records,
    ViewMix mix,
    int companies,
    long seed,
    int partitions,
    int metricsCompanies,
    Path stateDir,
    Duration timeout) {
  public ServingBenchOptions {
    if (records < 1 || companies < 1 || partitions < 1 || metricsCompanies < 0) {
      throw new IllegalArgumentException(
          "records, companies and partitions must be positive, metrics companies not negative");
    }
  }
}
