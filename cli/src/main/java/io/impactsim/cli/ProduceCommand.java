package io.impactsim.cli;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.EventSelection;
import io.impactsim.producer.publish.PublishFailedException;
import io.impactsim.producer.publish.PublishReport;
import io.impactsim.producer.publish.PublishedCompanies;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.producer.publish.RecordSizeLimits;
import io.impactsim.producer.publish.RecordSizes;
import io.impactsim.producer.publish.Speed;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.AuthenticationException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Publishes input events from history files, the bundled history, or a synthetic market. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Validate input events and publish them to the input topics, each keyed by its entity and"
          + " stamped with its event time, with an idempotent producer (acks=all).",
      "A file with any invalid line publishes nothing unless --skip-invalid. Every event is"
          + " encoded and measured against the cluster's record size limits before the first"
          + " send. If the cluster fails to confirm an event, publishing stops and prints the"
          + " --resume-from id.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every selected event was published (or is valid, with --validate-only)",
      "1:publishing failed; the message says how many events were confirmed and where to resume",
      "2:invalid command line",
      "3:invalid input: nothing was published"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  impactsim produce --bundled",
      "  impactsim produce --history deals.jsonl more.avro --validate-only",
      "  impactsim produce --history deals.jsonl --skip-invalid --known-companies amazon",
      "  impactsim produce --history deals.jsonl --known-companies-from-cluster",
      "  impactsim produce --synthetic --events 1000000 --companies 200 --seed 7",
      "  impactsim produce --bundled --speed 1d/s --from 2025-10-01 --to 2025-11-04",
      "  impactsim produce --history big.avro --resume-from syn-7-52001",
      "",
      "History files are JSON Lines (docs/history-format.md) or Avro container files (*.avro)."
    })
final class ProduceCommand implements Callable<Integer> {
  static final int INVALID_INPUT = 3;

  /** How long {@code --validate-only} waits for the cluster's record size limits. */
  static final Duration VALIDATE_ONLY_LIMITS_TIMEOUT = Duration.ofSeconds(3);

  private static final Duration PUBLISH_LIMITS_TIMEOUT = Duration.ofSeconds(15);

  /** Runs of at least this many events at full speed show a progress bar; shorter ones flash by. */
  private static final long LONG_RUN = 10_000;

  /** The connection options are global ({@code impactsim --bootstrap-servers ... produce}). */
  @ParentCommand Impactsim parent;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nSource (one of):%n")
  Source source;

  static final class Source {
    @Option(
        names = "--history",
        arity = "1..*",
        paramLabel = "FILE",
        description = "History files, published in the order given: *.jsonl or *.avro.")
    List<Path> files;

    @Option(
        names = "--bundled",
        description = "The bundled history of late-2025 AI-compute events.")
    boolean bundled;

    @Option(
        names = "--synthetic",
        description = "A generated market (see --events, --companies, --seed).")
    boolean synthetic;
  }

  @ArgGroup(exclusive = false, heading = "%nSynthetic market:%n")
  SyntheticOptions syntheticOptions = new SyntheticOptions();

  static final class SyntheticOptions {
    @Option(
        names = "--events",
        paramLabel = "N",
        defaultValue = "100000",
        description = "Events in total, company profiles included (default: ${DEFAULT-VALUE}).")
    long events = 100_000;

    @Option(
        names = "--companies",
        paramLabel = "K",
        defaultValue = "50",
        description = "Companies in the market, at least 4 (default: ${DEFAULT-VALUE}).")
    int companies = 50;

    @Option(
        names = "--seed",
        paramLabel = "S",
        defaultValue = "42",
        description = "Same seed, same events, ids included (default: ${DEFAULT-VALUE}).")
    long seed = 42;
  }

  @Option(
      names = "--validate-only",
      description =
          "Check the input, print every problem, publish nothing. Record sizes are checked"
              + " against the cluster's limits if it answers within 3 s, else Kafka's defaults.")
  boolean validateOnly;

  @Option(
      names = "--skip-invalid",
      description = "Publish the valid events and report the invalid ones instead of refusing.")
  boolean skipInvalid;

  @Option(
      names = "--known-companies",
      split = ",",
      paramLabel = "ID",
      description =
          "Company ids already published, which events may refer to without a company line.")
  Set<String> knownCompanies = Set.of();

  @Option(
      names = "--known-companies-from-cluster",
      description =
          "Also treat as known every company already on the companies topic of the namespace.")
  boolean knownFromCluster;

  @Option(
      names = "--speed",
      paramLabel = "SPEED",
      defaultValue = "max",
      converter = ProduceConverters.Pace.class,
      description =
          "Replay pace: max, a rate of simulated time per second (1d/s, 6h/s, 1w/s, 30m/s) or a"
              + " factor (3600x) (default: ${DEFAULT-VALUE}).")
  Speed speed;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = ProduceConverters.EventTime.class,
      description = "Only events at or after this event time (2025-11-03 or 2025-11-03T12:00:00Z).")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      converter = ProduceConverters.EventTime.class,
      description = "Only events before this event time.")
  Instant to;

  @Option(
      names = "--resume-from",
      paramLabel = "EVENT_ID",
      description = "Skip the events before this one (as printed by a failed run).")
  String resumeFrom;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "3",
      description = "Partitions of input topics this command creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "RF",
      description = "Replication of input topics this command creates (default: the broker's).")
  Short replicationFactor;

  @Option(
      names = "--quiet",
      description = "No progress bar and no summary; problems and errors only.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    KafkaSettings settings = parent.connection.settings();
    ProduceInput read = read(settings);
    TopicCatalog topics =
        TopicCatalog.create(settings.topicPrefix(), new InMemorySchemaRegistry(), false);
    RecordSizeLimits limits = limits(settings, topics, err);
    ProduceInput input = read.without(RecordSizes.refusals(read.events(), topics, limits));
    input.printProblems(err);
    String limitsLine = limits.summary(inputTopicNames(topics));
    if (!input.problems().isEmpty() && (validateOnly || !skipInvalid)) {
      if (validateOnly) {
        err.println(limitsLine);
      }
      if (input.problems().stream().anyMatch(p -> p.message().startsWith("unknown company"))) {
        err.println(
            "companies published earlier: --known-companies ID,... or"
                + " --known-companies-from-cluster");
      }
      err.printf(
          "%d problem(s) in the input: nothing published%s%n",
          input.problems().size(), validateOnly ? "" : " (--skip-invalid publishes the rest)");
      return INVALID_INPUT;
    }
    if (validateOnly) {
      out.println(limitsLine);
      out.println("valid: " + input.describeCounts());
      return 0;
    }
    if (!input.problems().isEmpty()) {
      err.printf("skipping %d invalid line(s)%n", input.problems().size());
    }
    return publish(settings, input, out, err);
  }

  /**
   * The record size limits of the cluster; a validation that must not wait long, or a cluster that
   * does not say, falls back on Kafka's defaults. Publishing fails later anyway if the cluster is
   * unreachable.
   */
  private RecordSizeLimits limits(KafkaSettings settings, TopicCatalog topics, PrintWriter err)
      throws InterruptedException {
    Duration timeout = validateOnly ? VALIDATE_ONLY_LIMITS_TIMEOUT : PUBLISH_LIMITS_TIMEOUT;
    try {
      return RecordSizeLimits.fromCluster(settings, inputTopicNames(topics), timeout);
    } catch (TimeoutException e) {
      return fallback(
          settings,
          "the cluster at "
              + settings.bootstrapServers()
              + " did not answer within "
              + timeout.toSeconds()
              + " s",
          err);
    } catch (IllegalStateException e) {
      // Refused credentials fail the command as they would its first send; a cluster that only
      // refuses to describe its configs (no ACL for it) leaves the defaults.
      if (e.getCause() instanceof AuthenticationException) {
        throw e;
      }
      return fallback(settings, e.getMessage(), err);
    }
  }

  private RecordSizeLimits fallback(KafkaSettings settings, String why, PrintWriter err) {
    if (!validateOnly) {
      err.println("using Kafka's default record size limits: " + why);
    }
    return RecordSizeLimits.defaults(settings, why);
  }

  private static List<String> inputTopicNames(TopicCatalog topics) {
    return topics.inputs().stream().map(Topic::name).toList();
  }

  private ProduceInput read(KafkaSettings settings) throws TimeoutException {
    if (source.files != null) {
      return ProduceInput.files(source.files, knownCompanies(settings));
    }
    if (source.bundled) {
      return ProduceInput.bundled();
    }
    return ProduceInput.synthetic(
        SyntheticConfig.of(
            syntheticOptions.events, syntheticOptions.companies, syntheticOptions.seed));
  }

  private Set<String> knownCompanies(KafkaSettings settings) throws TimeoutException {
    if (!knownFromCluster) {
      return knownCompanies;
    }
    Set<String> known = new TreeSet<>(knownCompanies);
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      known.addAll(
          PublishedCompanies.read(settings, settings.topics(registry), Duration.ofSeconds(30)));
    }
    return known;
  }

  private int publish(
      KafkaSettings settings, ProduceInput input, PrintWriter out, PrintWriter err) {
    Iterable<InputEvent> events = selected(input.events());
    boolean whole = from == null && to == null && resumeFrom == null;
    PublisherOptions options =
        PublisherOptions.defaults()
            .withPartitions(partitions)
            .withReplicationFactor(Optional.ofNullable(replicationFactor))
            .withSpeed(speed)
            .withProgress(showProgress(whole, input.size()));
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), options)) {
      PublishReport report = publisher.publish(events, whole ? input.size() : -1);
      if (!quiet) {
        out.println(report.summary());
      }
      return 0;
    } catch (PublishFailedException e) {
      err.println("impactsim: " + e.getMessage());
      err.printf(
          "  confirmed before the failure: %s%n  resume with: --resume-from %s%n",
          e.confirmed().summary(), e.resumeFrom());
      return ErrorReporter.FAILED;
    }
  }

  /** A bar for runs long enough to watch, and only where someone watches. */
  private boolean showProgress(boolean whole, long size) {
    return !quiet && System.console() != null && (!speed.isMax() || !whole || size >= LONG_RUN);
  }

  private Iterable<InputEvent> selected(Iterable<InputEvent> events) {
    Iterable<InputEvent> selected =
        EventSelection.between(events, Optional.ofNullable(from), Optional.ofNullable(to));
    return resumeFrom == null ? selected : EventSelection.resumeFrom(selected, resumeFrom);
  }
}
