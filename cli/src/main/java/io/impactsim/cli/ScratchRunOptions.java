package io.impactsim.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every benchmark shares: where it runs, its seed, its topics' partitions, its limit.
 */
final class ScratchRunOptions {
  @Option(
      names = "--cluster",
      description = "Use the cluster of the connection options, not an embedded one.")
  boolean useCluster;

  @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions of every topic created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--timeout",
      defaultValue = "PT10M",
      description = "Longest any one step may take (default: ${DEFAULT-VALUE}).")
  Duration timeout;
}
