package io.impactsim.bench.serving;

import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.serve.ServeOptions;
import io.impactsim.topics.SchemaSubjects;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.View;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * How an instance's start-up, memory and {@code /metrics} grow with what its view topics hold:
 * writes synthetic view records into the view topics of a new namespace, then starts an instance
 * twice, each time on a clean state directory: first under a new application id (it reads the view
 * topics as input into its served tables), then again under the same id (it restores those tables
 * from the view topics up to the committed offsets, as a restarted instance without its disk does).
 */
public final class ServingBench {
  private final KafkaSettings settings;
  private final ServingBenchOptions options;
  private final PrintStream log;

  /**
   * @param settings the cluster; its topic prefix should be new, the run writes into its views
   */
  public ServingBench(KafkaSettings settings, ServingBenchOptions options, PrintStream log) {
    this.settings = settings;
    this.options = options;
    this.log = log;
  }

  public ServingBenchReport run() throws InterruptedException, TimeoutException, IOException {
    ViewRecords records =
        new ViewRecords(options.records(), options.mix(), options.companies(), options.seed());
    Map<View, Long> counts = records.counts();
    Map<View, Long> keys = records.distinctKeys();
    long start = System.nanoTime();
    long bytes;
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = settings.topics(registry);
      try (Admin admin = Admin.create(settings.kafkaProperties())) {
        TopicAdmin.ensureTopics(
            admin,
            topics.all().stream()
                .map(t -> t.newTopic(options.partitions(), Optional.empty()))
                .toList(),
            options.timeout());
      }
      SchemaSubjects.prepare(topics.views());
      bytes = ViewRecordWriter.write(settings, topics, records);
    }
    Duration writing = Duration.ofNanos(System.nanoTime() - start);
    log.printf("wrote %,d view records (%,d bytes) in %s%n", options.records(), bytes, writing);
    long expectedSeries = 3L * Math.min(options.metricsCompanies(), keys.get(View.MARKET_CAP));
    String applicationId = settings.topicPrefix() + "-serving";
    ServeOptions serve =
        ServeOptions.of("127.0.0.1", 0).withMetricsCompanies(options.metricsCompanies());
    InstanceFigures first =
        InstanceProbe.run(
            "first start",
            settings,
            streamsOptions(applicationId, "first"),
            serve,
            expectedSeries,
            options.timeout(),
            log);
    InstanceFigures restart =
        InstanceProbe.run(
            "restart, clean state",
            settings,
            streamsOptions(applicationId, "restart"),
            serve,
            expectedSeries,
            options.timeout(),
            log);
    return new ServingBenchReport(options, counts, keys, bytes, writing, List.of(first, restart));
  }

  private StreamsOptions streamsOptions(String applicationId, String dir) {
    return StreamsOptions.defaults()
        .withApplicationId(applicationId)
        .withStateDir(options.stateDir().resolve(dir))
        .withPartitions(options.partitions());
  }
}
