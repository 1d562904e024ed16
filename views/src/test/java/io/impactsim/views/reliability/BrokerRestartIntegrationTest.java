package io.impactsim.views.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.EventSelection;
import io.impactsim.producer.publish.PublishFailedException;
import io.impactsim.producer.publish.PublishReport;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.producer.publish.Speed;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.sandbox.junit.IntegrationTest;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.read.ViewComparison;
import io.impactsim.views.read.ViewSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops the broker while the application processes and the producer sends, restarts it on the same
 * data directory and port, and checks that both carry on by themselves (a short outage) or that the
 * producer stops with a resume id and the application waits (a long one), and that the views end up
 * exactly those of an uninterrupted run of the same events.
 */
@IntegrationTest
class BrokerRestartIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Duration OUTAGE = Duration.ofSeconds(4);
  private static final Duration LONG_OUTAGE = Duration.ofSeconds(90);
  private static final int EVENTS = 1_500;
  private static final int COMPANIES = 30;
  private static final long SEED = 42;

  /** A year of event time in about 15 s: the producer is still sending when the broker stops. */
  private static final Speed PACE = new Speed(365 * 86_400 / 15.0);

  @TempDir Path dataDir;
  @TempDir Path restartedState;
  @TempDir Path referenceState;

  @Test
  void producerAndApplicationRecoverAndViewsAreExactAfterABrokerRestart() throws Exception {
    SyntheticConfig market = SyntheticConfig.of(EVENTS, COMPANIES, SEED);
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withDataDir(dataDir))) {
      String bootstrap = sandbox.bootstrapServers();
      String clusterId = sandbox.broker().clusterId();
      KafkaSettings restarted = settings(sandbox, "restarted");

      PublishReport published = runThroughRestart(sandbox, restarted, market);

      assertThat(sandbox.bootstrapServers()).isEqualTo(bootstrap);
      assertThat(sandbox.broker().clusterId()).isEqualTo(clusterId);
      assertThat(published.total()).isEqualTo(EVENTS);
      KafkaSettings reference = settings(sandbox, "reference");
      runUninterrupted(reference, market);

      ViewComparison comparison =
          ViewComparison.of(ViewSet.read(reference, TIMEOUT), ViewSet.read(restarted, TIMEOUT));
      assertThat(comparison.digests().values())
          .allSatisfy(d -> assertThat(d.baseKeys()).isPositive());
      assertThat(comparison.differences()).isEmpty();
      assertThat(deadLetters(restarted)).isZero();
    }
  }

  /**
   * A broker away for {@link #LONG_OUTAGE}, longer than the producer waits for a send: the
   * publisher stops with the id to resume from, the application waits, and once the broker is back
   * and the rest is published from that id, the views are those of an uninterrupted run.
   */
  @Test
  void afterAnOutageLongerThanTheProducerWaitsItStopsWithAResumeIdAndTheViewsEndExact()
      throws Exception {
    SyntheticConfig market = SyntheticConfig.of(EVENTS, COMPANIES, SEED);
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withDataDir(dataDir))) {
      KafkaSettings settings = settings(sandbox, "outage");
      // The publisher gives up on a send after 20 s (its defaults wait up to two minutes); the
      // application's producer waits up to 5 min (docs/reliability.md, "A broker restart").
      KafkaSettings impatient =
          new KafkaSettings(
              settings.bootstrapServers(),
              settings.schemaRegistryUrl(),
              Map.of(
                  "delivery.timeout.ms", "20000",
                  "request.timeout.ms", "5000",
                  "max.block.ms", "20000"),
              settings.topicPrefix());
      BrokerRestartEvents events = new BrokerRestartEvents(new SyntheticMarket(market));
      ExecutorService background = Executors.newSingleThreadExecutor();
      try (ImpactsimStreams app = new ImpactsimStreams(settings, options(restartedState));
          SchemaRegistry registry = settings.schemaRegistry()) {
        TopicCatalog topics = settings.topics(registry);
        try (EventPublisher publisher =
            new EventPublisher(settings, topics, PublisherOptions.defaults())) {
          assertThat(publisher.publish(profiles(market)).total()).isEqualTo(COMPANIES);
        }
        app.start(TIMEOUT);
        EventPublisher paced =
            new EventPublisher(impatient, topics, PublisherOptions.defaults().withSpeed(PACE));
        CompletableFuture<PublishReport> publishing =
            CompletableFuture.supplyAsync(() -> paced.publish(events, EVENTS), background);
        await()
            .atMost(TIMEOUT)
            .until(() -> events.handedOut() >= EVENTS / 3 && committedOffsets(settings, app) > 0);

        long stopped = System.nanoTime();
        sandbox.broker().stop();
        await().atMost(LONG_OUTAGE).until(publishing::isDone);
        assertThat(publishing)
            .failsWithin(Duration.ZERO)
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .havingCause()
            .isInstanceOf(PublishFailedException.class);
        PublishFailedException failed =
            (PublishFailedException) publishing.handle((r, e) -> e.getCause()).join();
        paced.close();
        assertThat(failed.resumeFrom()).isNotBlank();
        assertThat(failed.confirmedCount()).isPositive().isLessThan(EVENTS);
        // The application waits out the rest of the outage without stopping.
        Duration rest = LONG_OUTAGE.minusNanos(System.nanoTime() - stopped);
        if (!rest.isNegative()) {
          await()
              .during(rest)
              .atMost(rest.plusSeconds(30))
              .until(() -> app.streams().state().isRunningOrRebalancing());
        }
        sandbox.broker().restart();

        try (EventPublisher resumed =
            new EventPublisher(settings, topics, PublisherOptions.defaults())) {
          resumed.publish(
              EventSelection.resumeFrom(new SyntheticMarket(market), failed.resumeFrom()));
        }
        app.awaitCaughtUp(TIMEOUT);
        assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      } finally {
        background.shutdownNow();
      }

      KafkaSettings reference = settings(sandbox, "reference");
      runUninterrupted(reference, market);
      ViewComparison comparison =
          ViewComparison.of(ViewSet.read(reference, TIMEOUT), ViewSet.read(settings, TIMEOUT));
      assertThat(comparison.digests().values())
          .allSatisfy(d -> assertThat(d.baseKeys()).isPositive());
      assertThat(comparison.differences()).isEmpty();
      assertThat(deadLetters(settings)).isZero();
    }
  }

  private static List<InputEvent> profiles(SyntheticConfig market) {
    List<InputEvent> profiles = new ArrayList<>();
    new SyntheticMarket(market)
        .forEach(
            e -> {
              if (e.value() instanceof CompanyProfile) {
                profiles.add(e);
              }
            });
    return profiles;
  }

  /**
   * Publishes the market at {@link #PACE} in the background; once a third of it is sent and the
   * application has committed progress, stops the broker for {@link #OUTAGE} and starts it again.
   * The same producer and application objects live through the outage; the registry keeps running,
   * as a separate service would.
   */
  private PublishReport runThroughRestart(
      Sandbox sandbox, KafkaSettings settings, SyntheticConfig market) throws Exception {
    BrokerRestartEvents events = new BrokerRestartEvents(new SyntheticMarket(market));
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (ImpactsimStreams app = new ImpactsimStreams(settings, options(restartedState));
        SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(
                settings, settings.topics(registry), PublisherOptions.defaults().withSpeed(PACE))) {
      // Profiles precede the events priced against them (docs/reliability.md): published before
      // the application starts, as an operator loads reference data first. The paced run below
      // publishes them again, which changes nothing.
      assertThat(publisher.publish(profiles(market)).total()).isEqualTo(COMPANIES);
      app.start(TIMEOUT);
      CompletableFuture<PublishReport> publishing =
          CompletableFuture.supplyAsync(() -> publisher.publish(events, EVENTS), background);
      await()
          .atMost(TIMEOUT)
          .until(() -> events.handedOut() >= EVENTS / 3 && committedOffsets(settings, app) > 0);

      sandbox.broker().stop();
      assertThat(events.handedOut()).as("events sent before the outage").isLessThan(EVENTS);
      // Sends wait for metadata up to max.block.ms (60 s), longer than the outage: the publisher
      // must neither finish nor fail meanwhile, and the application must not stop.
      await()
          .during(OUTAGE)
          .atMost(OUTAGE.multipliedBy(3))
          .until(() -> !publishing.isDone() && app.streams().state().isRunningOrRebalancing());
      sandbox.broker().restart();

      PublishReport report = publishing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      app.awaitCaughtUp(TIMEOUT);
      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      return report;
    } finally {
      background.shutdownNow();
    }
  }

  /** The reference: every event on the broker before a fresh application starts. */
  private void runUninterrupted(KafkaSettings settings, SyntheticConfig market) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      assertThat(publisher.publish(new SyntheticMarket(market), EVENTS).total()).isEqualTo(EVENTS);
    }
    try (ImpactsimStreams app = new ImpactsimStreams(settings, options(referenceState))) {
      app.start(TIMEOUT);
      app.awaitCaughtUp(TIMEOUT);
    }
  }

  private static StreamsOptions options(Path stateDir) {
    return StreamsOptions.defaults().withStateDir(stateDir);
  }

  private static KafkaSettings settings(Sandbox sandbox, String prefix) {
    return new KafkaSettings(
        sandbox.bootstrapServers(), sandbox.schemaRegistryUrl(), Map.of(), prefix);
  }

  /** The sum of the offsets the application's group has committed, 0 before its first commit. */
  private static long committedOffsets(KafkaSettings settings, ImpactsimStreams app)
      throws Exception {
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      return admin
          .listConsumerGroupOffsets(app.applicationId())
          .partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS)
          .values()
          .stream()
          .filter(Objects::nonNull)
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    }
  }

  private static long deadLetters(KafkaSettings settings) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      String topic = settings.topics(registry).deadLetters().name();
      return DeadLetterLog.readAll(settings, topic, TIMEOUT).size();
    }
  }
}
