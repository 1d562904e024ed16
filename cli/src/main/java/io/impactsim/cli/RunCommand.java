package io.impactsim.cli;

import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublishedCompanies;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.producer.publish.RecordSizeLimits;
import io.impactsim.producer.publish.RecordSizes;
import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.serve.ServeOptions;
import io.impactsim.serve.ViewServer;
import io.impactsim.tools.WhatIfBranches;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.read.ViewReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * One command from a history to its views: validates the history (the bundled 2025 one, or the
 * user's files), publishes it, runs the views on it and prints them, and with {@code --serve} keeps
 * them served. By default everything runs in this process on a real broker and registry (the
 * sandbox). {@code demo} is the same command.
 */
@Command(
    name = "run",
    aliases = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Validate a history, publish it, run the views on it and print them; with --serve keep"
          + " them served (dashboard, query API, metrics) until Ctrl-C.",
      "Without --history it runs the bundled history of the late-2025 AI-compute deals (`demo`"
          + " is this command). By default it starts an embedded Kafka broker and schema registry"
          + " in this process; with --cluster it uses the cluster given by the connection options.",
      "Nothing is published unless the whole history is valid."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the views were printed (and served until Ctrl-C, with --serve)",
      "1:the cluster or the views failed",
      "3:the history has problems (printed one per line): nothing published"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  impactsim run --history my-history.jsonl",
      "  impactsim run --history companies.jsonl deals.jsonl --serve --http-port 8080",
      "  impactsim run --history more-deals.jsonl --cluster --bootstrap-servers broker:9092"
          + " --schema-registry-url http://registry:8081",
      "History files are JSON Lines (docs/history-format.md) or Avro container files (*.avro);"
          + " every company an event names needs a company profile in the files (or, with"
          + " --cluster, on the cluster already)."
    })
final class RunCommand implements Callable<Integer> {
  /** How long the record size limits of the cluster may take to read. */
  private static final Duration LIMITS_TIMEOUT = Duration.ofSeconds(10);

  @ParentCommand Impactsim root;

  @Option(
      names = "--history",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "History files, published in the order given: *.jsonl or *.avro."
              + " Default: the bundled history.")
  List<Path> history;

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

  @Spec CommandSpec spec;

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
    PrintWriter err = spec.commandLine().getErr();
    if (useCluster) {
      KafkaSettings settings = root.connection().settings();
      return run(settings, StreamsOptions.defaults(), err);
    }
    // Invalid files fail before a broker starts.
    ProduceInput input = read(Set.of());
    if (!input.problems().isEmpty()) {
      return refuse(input, err);
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
      return run(
          root.connection().settings(sandbox.bootstrapServers(), sandbox.schemaRegistryUrl()),
          StreamsOptions.defaults().withStateDir(state),
          err);
    } finally {
      Utils.delete(state.toFile());
    }
  }

  /** The history, validated against the companies already known (on the cluster). */
  private ProduceInput read(Set<String> knownCompanies) {
    return history == null ? ProduceInput.bundled() : ProduceInput.files(history, knownCompanies);
  }

  private int refuse(ProduceInput input, PrintWriter err) {
    input.printProblems(err);
    err.printf(
        "%d problem(s) in the history: nothing published (docs/history-format.md)%n",
        input.problems().size());
    err.flush();
    return ProduceCommand.INVALID_INPUT;
  }

  private int run(KafkaSettings settings, StreamsOptions streamsOptions, PrintWriter err)
      throws Exception {
    ServeOptions serveOptions = http.serveOptions();
    if (serve) {
      streamsOptions = streamsOptions.withOverrides(serveOptions.streamsOverrides());
    }
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = settings.topics(registry);
      ProduceInput input =
          useCluster && history != null
              ? read(PublishedCompanies.read(settings, topics, timeout))
              : read(Set.of());
      RecordSizeLimits limits =
          RecordSizeLimits.fromCluster(settings, inputTopicNames(topics), LIMITS_TIMEOUT);
      input = input.without(RecordSizes.refusals(input.events(), topics, limits));
      if (!input.problems().isEmpty()) {
        return refuse(input, err);
      }
      // Everything is published before the views start, so that every company profile is held
      // before the first event is priced (docs/reliability.md).
      try (EventPublisher publisher =
          new EventPublisher(settings, topics, PublisherOptions.defaults())) {
        String what = history == null ? "Bundled history: " : "History: ";
        out.println(what + publisher.publish(input.events(), input.size()).summary());
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
    return 0;
  }

  private static List<String> inputTopicNames(TopicCatalog topics) {
    return topics.inputs().stream().map(Topic::name).toList();
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
                "run-shutdown"));
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
