package io.impactsim.bench;

import io.impactsim.producer.EventType;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublishReport;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * One benchmark run on one cluster: publishes the synthetic events once, then measures in rounds
 * the plain consumer (A), the counting job (B) and the views (C) on those same topics, each with a
 * fresh group, application id and state; then, optionally, the views' end-to-end latency.
 * Contenders alternate within each round so that drift on the machine affects them alike.
 */
public final class BenchRun {
  private final KafkaSettings settings;
  private final BenchOptions options;
  private final PrintStream log;

  /**
   * @param settings the cluster; its topic prefix is the namespace of every topic and group the run
   *     creates, so it should be new
   */
  public BenchRun(KafkaSettings settings, BenchOptions options, PrintStream log) {
    this.settings = settings;
    this.options = options;
    this.log = log;
  }

  public BenchReport run() throws InterruptedException, TimeoutException {
    KafkaSettings throughput = settings.withTopicPrefix(settings.topicPrefix() + "-tp");
    List<Throughput.Run> a = new ArrayList<>();
    List<Throughput.Run> b = new ArrayList<>();
    List<Throughput.Run> c = new ArrayList<>();
    PublishReport published;
    try (SchemaRegistry registry = throughput.schemaRegistry()) {
      TopicCatalog topics = throughput.topics(registry);
      createTopics(throughput, topics);
      published = publish(throughput, topics);
      long events = published.total() - published.confirmed(EventType.COMPANY);
      for (int round = 0; round < options.warmups() + options.runs(); round++) {
        runRound(round, throughput, topics, events, a, b, c);
      }
    }
    List<Latency> latency = new ArrayList<>();
    for (int rate : options.latencyRates()) {
      log.printf(
          Locale.ROOT, "latency run: %,d events at %,d/s%n", options.latencyEvents(rate), rate);
      KafkaSettings lat = settings.withTopicPrefix(settings.topicPrefix() + "-lat" + rate);
      latency.add(
          LatencyProbe.run(
              lat,
              lat.topicPrefix() + "-views",
              options.stateDir().resolve("latency-" + rate),
              options,
              rate));
    }
    long events = published.total() - published.confirmed(EventType.COMPANY);
    return new BenchReport(
        published.total(),
        events,
        new Throughput("A plain consumer", a),
        new Throughput("B Streams count per key", b),
        new Throughput("C impactsim views", c),
        latency);
  }

  /** One round: A, B, then C, each on a fresh group, application id and state directory. */
  private void runRound(
      int round,
      KafkaSettings throughput,
      TopicCatalog topics,
      long events,
      List<Throughput.Run> a,
      List<Throughput.Run> b,
      List<Throughput.Run> c)
      throws InterruptedException, TimeoutException {
    boolean measured = round >= options.warmups();
    String name = measured ? "run " + (round - options.warmups() + 1) : "warm-up " + (round + 1);
    String id = throughput.topicPrefix() + "-r" + round;
    Throughput.Run runA =
        ConsumerBaseline.run(throughput, topics, id + "-a", events, options.timeout());
    keep(measured, a, name + " A", runA);
    Throughput.Run runB =
        CountingJob.run(
            throughput, topics, id + "-b", options.stateDir().resolve("b" + round), options);
    keep(measured, b, name + " B", runB);
    Throughput.Run runC =
        FullPipeline.run(throughput, id + "-c", options.stateDir().resolve("c" + round), options);
    keep(measured, c, name + " C", runC);
  }

  /**
   * Creates every topic of the namespace first: the counting job's catch-up check also looks at the
   * views' topics, which only the views would otherwise create.
   */
  private void createTopics(KafkaSettings s, TopicCatalog topics)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(s.kafkaProperties())) {
      TopicAdmin.ensureTopics(
          admin,
          topics.all().stream()
              .map(t -> t.newTopic(options.partitions(), Optional.empty()))
              .toList(),
          options.timeout());
    }
  }

  private PublishReport publish(KafkaSettings s, TopicCatalog topics) {
    SyntheticMarket market =
        new SyntheticMarket(
            SyntheticConfig.of(options.events(), options.companies(), options.seed()));
    PublisherOptions publishing =
        PublisherOptions.defaults().withPartitions(options.partitions()).withProgress(false);
    try (EventPublisher publisher = new EventPublisher(s, topics, publishing)) {
      PublishReport report = publisher.publish(market, market.size());
      log.println("published: " + report.summary());
      return report;
    }
  }

  private void keep(boolean measured, List<Throughput.Run> runs, String what, Throughput.Run run) {
    log.printf(
        Locale.ROOT,
        "%s: %,d events in %.2f s, %,.0f events/s, %.1f offsets written and %.1f µs of CPU per"
            + " event%n",
        what,
        run.events(),
        run.elapsed().toNanos() / 1e9,
        run.eventsPerSecond(),
        run.writtenPerEvent(),
        run.cpuMicrosPerEvent());
    if (measured) {
      runs.add(run);
    }
  }
}
