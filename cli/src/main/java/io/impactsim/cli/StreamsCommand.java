package io.impactsim.cli;

import io.impactsim.serve.ServeOptions;
import io.impactsim.serve.ViewServer;
import io.impactsim.tools.WhatIfBranches;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the streams application that maintains the views, until interrupted. */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = {
      "Run the streams application against a cluster until Ctrl-C: it reads the input topics"
          + " and keeps the market-share, capex and market-cap views up to date.",
      "Missing topics of the namespace are created first. On SIGTERM it closes within 40 s"
          + " (exit code 143), halting if a stream thread does not stop."
    })
final class StreamsCommand implements Callable<Integer> {
  @ParentCommand Impactsim root;

  @Mixin ApplicationOptions application;

  @Option(
      names = "--replication-factor",
      defaultValue = "${env:IMPACTSIM_REPLICATION_FACTOR}",
      description =
          "Replication factor of created and internal topics (env IMPACTSIM_REPLICATION_FACTOR;"
              + " default: the broker's).")
  Short replicationFactor;

  @Option(
      names = "--partitions",
      defaultValue = "${env:IMPACTSIM_PARTITIONS:-3}",
      description = "Partitions of topics created when missing (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--threads",
      defaultValue = "${env:IMPACTSIM_THREADS:-1}",
      description =
          "Stream threads of this instance (env IMPACTSIM_THREADS; default: ${DEFAULT-VALUE})."
              + " Work is split into tasks, one per input partition and one per partition of the"
              + " internal changes topic; instances and threads share them.")
  int threads;

  @Option(
      names = "--impact-model",
      paramLabel = "FILE",
      defaultValue = "${env:IMPACTSIM_IMPACT_MODEL}",
      description = "Properties file overriding impact model parameters (default: bundled).")
  Path impactModel;

  @Option(
      names = "--start-timeout",
      defaultValue = "PT2M",
      description =
          "How long to wait for the application to run, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration startTimeout;

  @Option(
      names = "--stall-window",
      paramLabel = "DURATION",
      defaultValue = "${env:IMPACTSIM_STALL_WINDOW:-PT60S}",
      description =
          "/health reports DOWN when a stream thread has not polled, or has processed nothing"
              + " while records wait, for this long; ISO-8601 (env IMPACTSIM_STALL_WINDOW;"
              + " default: ${DEFAULT-VALUE}).")
  Duration stallWindow;

  @Mixin HttpOptions http;

  @Option(
      names = "--no-http",
      description = "Run without the HTTP server (API, dashboard, metrics, health).")
  boolean noHttp;

  @Override
  public Integer call() throws Exception {
    KafkaSettings settings = root.connection().settings();
    ServeOptions serve = http.serveOptions().withStallWindow(stallWindow);
    CountDownLatch closed = new CountDownLatch(1);
    StreamsOptions options = options();
    if (!noHttp) {
      options = options.withOverrides(serve.streamsOverrides());
    }
    ImpactsimStreams app = new ImpactsimStreams(settings, options);
    AtomicReference<ViewServer> server = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    // The hook closes the application itself: the JVM does not wait for the main thread. A close
    // that does not end within the bound (a stream thread stuck in one record) halts the process.
    Thread hook =
        new Thread(
            () ->
                BoundedShutdown.run(
                    () -> {
                      stopping.set(true);
                      ViewServer running = server.get();
                      if (running != null) {
                        running.close();
                      }
                      app.close();
                      closed.countDown();
                    },
                    BoundedShutdown.BOUND,
                    System.err,
                    Runtime.getRuntime()::halt),
            "streams-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      app.start(startTimeout);
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      // Its clients would otherwise keep retrying (e.g. a refused password) until the JVM exits.
      Runtime.getRuntime().removeShutdownHook(hook);
      app.close();
      throw e;
    }
    if (!noHttp) {
      server.set(
          new ViewServer(app, settings, serve).withBranches(new WhatIfBranches(settings)).start());
      System.out.println("Serving the views at " + server.get().url());
    }
    System.out.println(
        "Running as application '"
            + app.applicationId()
            + "' on "
            + settings.bootstrapServers()
            + ", topics "
            + settings.topicPrefix()
            + ".*; press Ctrl-C to stop.");
    while (!closed.await(1, TimeUnit.SECONDS)) {
      KafkaStreams.State state = app.streams().state();
      boolean stopped =
          state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING;
      // A stop the hook began is a normal end, not a failure.
      if (stopped && !stopping.get()) {
        throw new IllegalStateException(
            "the streams application stopped (state " + state + "); see the log above");
      }
    }
    return 0;
  }

  private StreamsOptions options() {
    StreamsOptions options =
        application.applyTo(
            StreamsOptions.defaults().withPartitions(partitions).withThreads(threads));
    if (replicationFactor != null) {
      options = options.withReplicationFactor(replicationFactor);
    }
    if (impactModel != null) {
      options = options.withImpactModel(impactModel);
    }
    return options;
  }
}
