package io.impactsim.cli;

import io.impactsim.bench.BenchOptions;
import io.impactsim.bench.BenchReport;
import io.impactsim.bench.BenchRun;
import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.schemas.config.KafkaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--cluster",
      description = "Use the cluster of the connection options, not an embedded one.")
  boolean useCluster;

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

  @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

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
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions of every topic created (default: ${DEFAULT-VALUE}).")
  int partitions;

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

  @Option(
      names = "--timeout",
      defaultValue = "PT10M",
      description = "Longest any one step may take (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    Path home = Files.createDirectories(Path.of(System.getProperty("user.home"), ".impactsim"));
    Path state = Files.createTempDirectory(home, "bench-state-");
    try {
      BenchOptions options =
          new BenchOptions(
              events,
              companies,
              seed,
              warmups,
              runs,
              partitions,
              commitInterval,
              latencyRates.stream().filter(r -> r > 0).toList(),
              latencyDuration,
              state,
              timeout);
      BenchReport report = useCluster ? onCluster(options) : inSandbox(options);
      System.out.println();
      System.out.print(report.render());
      return 0;
    } finally {
      Utils.delete(state.toFile());
    }
  }

  private BenchReport onCluster(BenchOptions options) throws Exception {
    KafkaSettings settings = root.connection().settings();
    return run(settings, options);
  }

  private BenchReport inSandbox(BenchOptions options) throws Exception {
    System.out.println("Starting an embedded Kafka broker and schema registry...");
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
      return run(
          root.connection().settings(sandbox.bootstrapServers(), sandbox.schemaRegistryUrl()),
          options);
    }
  }

  private static BenchReport run(KafkaSettings settings, BenchOptions options) throws Exception {
    // A namespace of its own, so that reruns on one cluster never read each other's topics.
    String namespace =
        settings.topicPrefix() + "-bench-" + Long.toString(System.currentTimeMillis(), 36);
    return new BenchRun(settings.withTopicPrefix(namespace), options, System.out).run();
  }
}
