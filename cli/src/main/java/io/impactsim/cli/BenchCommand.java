package io.impactsim.cli;

import io.impactsim.bench.BenchOptions;
import io.impactsim.bench.BenchReport;
import io.impactsim.bench.BenchRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Measures the views against a plain consumer and a bare Kafka Streams job on the same topics, and
 * their end-to-end latency, on the embedded sandbox or on a cluster.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = ServingBenchCommand.class,
    description = {
      "Publish synthetic events, then measure in one run: (A) a plain consumer decoding them,"
          + " (B) a Kafka Streams count per key, (C) the impactsim views, all exactly-once on the"
          + " same topics; then the views' publish-to-view latency at a fixed rate.",
      "By default it starts an embedded broker and registry in this process; with --cluster it"
          + " uses the connection options, in a new topic namespace under --topic-prefix."
    })
final class BenchCommand implements Callable<Integer> {
  @ParentCommand Impactsim root;

  @Mixin ScratchRunOptions scratch;

  @Option(
      names = "--events",
      defaultValue = "1000000",
      description = "Synthetic events to publish (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--companies",
      defaultValue = "200",
      description = "Companies of the synthetic market (default: ${DEFAULT-VALUE}).")
  int companies;

  @Option(
      names = "--warmups",
      defaultValue = "1",
      description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
  int warmups;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Measured rounds; the median is reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--commit-interval",
      defaultValue = "PT0.1S",
      description = "Commit interval of both Streams jobs (default: ${DEFAULT-VALUE}).")
  Duration commitInterval;

  @Option(
      names = "--latency-rates",
      split = ",",
      defaultValue = "1000,10000",
      description =
          "Events per second of the latency runs, one run per rate; 0 skips them (default:"
              + " ${DEFAULT-VALUE}).")
  List<Integer> latencyRates;

  @Option(
      names = "--latency-duration",
      defaultValue = "PT30S",
      description = "How long each latency run publishes (default: ${DEFAULT-VALUE}).")
  Duration latencyDuration;

  @Override
  public Integer call() throws Exception {
    BenchReport report =
        ScratchRun.run(
            root.connection(),
            scratch.useCluster,
            "bench",
            System.out,
            (settings, stateDir) -> {
              BenchOptions options =
                  new BenchOptions(
                      events,
                      companies,
                      scratch.seed,
                      warmups,
                      runs,
                      scratch.partitions,
                      commitInterval,
                      latencyRates.stream().filter(r -> r > 0).toList(),
                      latencyDuration,
                      stateDir,
                      scratch.timeout);
              return new BenchRun(settings, options, System.out).run();
            });
    System.out.println();
    System.out.print(report.render());
    return 0;
  }
}
