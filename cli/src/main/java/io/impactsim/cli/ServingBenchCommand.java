package io.impactsim.cli;

import io.impactsim.bench.serving.ServingBench;
import io.impactsim.bench.serving.ServingBenchOptions;
import io.impactsim.bench.serving.ServingBenchReport;
import io.impactsim.bench.serving.ViewMix;
import io.impactsim.serve.ServeOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Measures an instance's start-up, memory and {@code /metrics} against the number of records in its
 * view topics.
 */
@Command(
    name = "serving",
    mixinStandardHelpOptions = true,
    description = {
      "Write synthetic view records into the view topics of a new namespace, then start an"
          + " instance (the streams application and its HTTP server) twice on a clean state"
          + " directory: under a new application id, then restarting under the same one. Reports"
          + " the time to /ready and to a live-stream client's snapshot, the heap after a full GC,"
          + " the process RSS and the size of a /metrics scrape.",
      "By default it starts an embedded broker and registry in this process (their heap is then"
          + " part of the figures; the report also gives the heap before each start); with"
          + " --cluster it uses the connection options."
    })
final class ServingBenchCommand implements Callable<Integer> {
  @ParentCommand BenchCommand bench;

  @Mixin ScratchRunOptions scratch;

  @Option(
      names = "--records",
      defaultValue = "1000000",
      description = "View records to write (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(
      names = "--mix",
      defaultValue = "reactions=68,market-cap=16,capex=15,market-share=1",
      description =
          "Share of the records per view, as weights; views not named get none (default:"
              + " ${DEFAULT-VALUE}).")
  String mix;

  @Option(
      names = "--companies",
      defaultValue = "1000",
      description =
          "Distinct companies keying the market-cap and capex records (default:"
              + " ${DEFAULT-VALUE}).")
  int companies;

  @Option(
      names = "--metrics-companies",
      paramLabel = "N",
      defaultValue = "" + ServeOptions.DEFAULT_METRICS_COMPANIES,
      description = "The instance's --metrics-companies (default: ${DEFAULT-VALUE}).")
  int metricsCompanies;

  @Override
  public Integer call() throws Exception {
    ServingBenchReport report =
        ScratchRun.run(
            bench.root.connection(),
            scratch.useCluster,
            "serving",
            System.out,
            (settings, stateDir) ->
                new ServingBench(
                        settings,
                        new ServingBenchOptions(
                            records,
                            ViewMix.parse(mix),
                            companies,
                            scratch.seed,
                            scratch.partitions,
                            metricsCompanies,
                            stateDir,
                            scratch.timeout),
                        System.out)
                    .run());
    System.out.println();
    System.out.print(report.render());
    return 0;
  }
}
