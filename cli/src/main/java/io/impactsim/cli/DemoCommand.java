package io.impactsim.cli;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.config.KafkaSettings;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.ImpactsimStreams;
import io.impactsim.streams.StreamsOptions;
import io.impactsim.streams.ViewReader;
import io.impactsim.streams.replay.WhatIfBranches;
import io.impactsim.streams.serve.ServeOptions;
import io.impactsim.streams.serve.ViewServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The end-to-end demo: publishes the bundled 2025 history, runs the views on it and prints them. By
 * default everything runs in this process on a real broker and registry (the sandbox).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Publish the bundled history of the late-2025 AI-compute deals, run the views on it and"
          + " print them.",
      "By default it starts an embedded Kafka broker and schema registry in this process; with"
          + " --cluster it uses the cluster given by the connection options instead."
    })
final class DemoCommand implements Callable<Integer> {
  @ParentCommand Impactsim root;

  @Option(
      names = "--cluster",
      description =
          "Use the cluster of --bootstrap-servers/--schema-registry-url, not an embedded one.")
  boolean useCluster;

  @Option(
      names = "--timeout",
      defaultValue = "PT2M",
      description =
          "How long to wait for the views (ISO-8601 duration, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--serve",
      description =
          "Keep running after printing the views and serve them: dashboard, query API, metrics.")
  boolean serve;

  @Mixin HttpOptions http;

  private final PrintStream out = System.out;
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    try {
      return demo();
    } finally {
      closed.countDown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int demo() throws Exception {
    if (useCluster) {
      run(root.connection().settings(), StreamsOptions.defaults());
      return 0;
    }
    out.println("Starting an embedded Kafka broker and schema registry...");
    // Not under the OS temp directory, which the OS may clear under a running application.
    Path home = Files.createDirectories(Path.of(System.getProperty("user.home"), ".impactsim"));
    Path state = Files.createTempDirectory(home, "demo-state-");
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
      out.println(
          "  Kafka at "
              + sandbox.bootstrapServers()
              + ", registry at "
              + sandbox.schemaRegistryUrl());
      run(
          root.connection().settings(sandbox.bootstrapServers(), sandbox.schemaRegistryUrl()),
          StreamsOptions.defaults().withStateDir(state));
    } finally {
      Utils.delete(state.toFile());
    }
    return 0;
  }

  private void run(KafkaSettings settings, StreamsOptions streamsOptions) throws Exception {
    List<InputEvent> history = BundledHistory.load();
    ServeOptions serveOptions = http.serveOptions();
    if (serve) {
      streamsOptions = streamsOptions.withOverrides(serveOptions.streamsOverrides());
    }
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = settings.topics(registry);
      try (EventPublisher publisher =
          new EventPublisher(settings, topics, PublisherOptions.defaults())) {
        out.println("Bundled history: " + publisher.publish(history).summary());
      }
      try (ImpactsimStreams app = new ImpactsimStreams(settings, streamsOptions)) {
        app.start(timeout);
        out.println("Views running (exactly_once_v2); waiting until they reflect every event...");
        app.awaitCaughtUp(timeout);
        printViews(settings, topics);
        if (serve) {
          serveUntilInterrupted(app, settings, serveOptions);
        }
      }
    }
  }

  private void serveUntilInterrupted(
      ImpactsimStreams app, KafkaSettings settings, ServeOptions options)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM does not wait for the main thread after Ctrl-C: the hook waits for it to close the
    // server, the views and the embedded cluster (and delete their temporary data).
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopped.countDown();
                  awaitQuietly(closed, Duration.ofSeconds(30));
                },
                "demo-shutdown"));
    try (ViewServer server =
        new ViewServer(app, settings, options).withBranches(new WhatIfBranches(settings)).start()) {
      out.println();
      out.println("Dashboard: " + server.url() + "   (API under /api, metrics at /metrics)");
      out.println("Press Ctrl-C to stop.");
      stopped.await();
    }
  }

  private void printViews(KafkaSettings settings, TopicCatalog topics) throws Exception {
    Map<String, MarketShareSnapshot> share =
        ViewReader.read(settings, topics.marketShare(), timeout);
    out.println();
    share.values().stream()
        .filter(s -> "ALL".equals(s.getPeriod()) && !s.getEntries().isEmpty())
        .forEach(s -> out.println(MarketShareTable.render(s)));
    out.println(CapexTable.render(ViewReader.read(settings, topics.capex(), timeout).values()));
    out.println(
        ReactionsTable.renderRecords(
            ViewReader.read(settings, topics.marketCapReactions(), timeout).values()));
    out.println(
        MarketCapTable.render(ViewReader.read(settings, topics.marketCap(), timeout).values()));
  }
}
