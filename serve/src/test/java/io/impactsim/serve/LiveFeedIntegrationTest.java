package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live stream and the health probe on the sandbox broker: a client gets the current record of
 * each key from the stores rather than the history of the view topics, then the changes as they
 * happen; a dead feed or an application that has stopped turns {@code /health} DOWN with the
 * reason.
 */
@KafkaSandboxTest
class LiveFeedIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int KEYS = 5;
  private static final int VERSIONS = 40;

  @Test
  void aClientGetsOneCurrentRecordPerKeyThenTheChangesAsTheyHappenAndAFullOneIsDropped(
      KafkaEnvironment env, @TempDir Path dir) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("feed"));
    try (ImpactsimStreams app = started(settings, dir);
        SchemaRegistry registry = settings.schemaRegistry();
        KafkaProducer<String, SimulatedMarketCap> producer = producer(settings, registry)) {
      Topic<String, SimulatedMarketCap> topic = settings.topics(registry).marketCap();
      // Half the history before the server starts, half after: neither is replayed to a client.
      publishVersions(producer, topic, 1, VERSIONS / 2);
      try (ViewServer server = new ViewServer(app, settings, ServeOptions.of("127.0.0.1", 0))) {
        server.start();
        publishVersions(producer, topic, VERSIONS / 2 + 1, VERSIONS);
        await()
            .atMost(TIMEOUT)
            .untilAsserted(
                () -> {
                  for (int k = 0; k < KEYS; k++) {
                    HttpResponse<String> r = Http.get(server.url(), "/api/market-cap/" + key(k));
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(Http.json(r).get("eventCount").asInt()).isEqualTo(VERSIONS);
                  }
                });

        try (SseEvents stream = SseEvents.open(server.url())) {
          Map<String, Integer> snapshot = new HashMap<>();
          int marketCapEvents = 0;
          SseEvents.Event e;
          while (!(e = stream.next(TIMEOUT)).name().equals("replayed")) {
            assertThat(e.name()).isEqualTo("market-cap");
            marketCapEvents++;
            snapshot.put(e.data().get("key").asText(), e.data().at("/value/eventCount").asInt());
          }
          assertThat(marketCapEvents).as("one event per key, not one per record").isEqualTo(KEYS);
          Map<String, Integer> expected = new HashMap<>();
          for (int k = 0; k < KEYS; k++) {
            expected.put(key(k), VERSIONS);
          }
          assertThat(snapshot).isEqualTo(expected);

          // A subscriber with no room left, as a client whose queue is full: the feed drops it.
          CompletableFuture<String> dropped = new CompletableFuture<>();
          server
              .feed()
              .subscribe(
                  new ViewFeed.Subscriber() {
                    @Override
                    public boolean offer(ViewFeed.Change change) {
                      return false;
                    }

                    @Override
                    public void ended(String why) {
                      dropped.complete(why);
                    }
                  })
              .get(20, TimeUnit.SECONDS);

          send(producer, topic, 2, VERSIONS + 1);

          SseEvents.Event live = stream.next(TIMEOUT);
          assertThat(live.name()).isEqualTo("market-cap");
          assertThat(live.data().get("key").asText()).isEqualTo(key(2));
          assertThat(live.data().at("/value/eventCount").asInt()).isEqualTo(VERSIONS + 1);
          assertThat(dropped.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
              .isEqualTo("the client fell too far behind");
        }
      }
    }
  }

  @Test
  void aFeedThatDiesTurnsHealthDownWithTheReason(KafkaEnvironment env, @TempDir Path dir)
      throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("feed-death"));
    try (ImpactsimStreams app = started(settings, dir);
        ViewServer server =
            new ViewServer(app, settings, ServeOptions.of("127.0.0.1", 0)).start()) {
      await().atMost(TIMEOUT).until(() -> Http.get(server.url(), "/ready").statusCode() == 200);
      assertThat(Http.get(server.url(), "/health").statusCode()).isEqualTo(200);

      server.feed().fail(new IllegalStateException("consumer failed for the test"));

      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                HttpResponse<String> health = Http.get(server.url(), "/health");
                assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                assertThat(Http.json(health).get("status").asText()).isEqualTo("DOWN");
                assertThat(Http.json(health).get("reason").asText())
                    .contains("the view feed stopped", "consumer failed for the test");
              });
      assertThat(Http.get(server.url(), "/ready").statusCode()).isEqualTo(503);
      try (SseEvents stream = SseEvents.open(server.url())) {
        SseEvents.Event refused = stream.next(TIMEOUT);
        assertThat(refused.name()).isEqualTo("unavailable");
        assertThat(refused.data().get("message").asText()).contains("the view feed stopped");
      }
    }
  }

  @Test
  void anApplicationThatLeavesRunningTurnsHealthDownWithItsState(
      KafkaEnvironment env, @TempDir Path dir) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("app-stop"));
    ImpactsimStreams app = started(settings, dir);
    try (ViewServer server =
        new ViewServer(app, settings, ServeOptions.of("127.0.0.1", 0)).start()) {
      await().atMost(TIMEOUT).until(() -> Http.get(server.url(), "/health").statusCode() == 200);

      app.close();

      HttpResponse<String> health = Http.get(server.url(), "/health");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
      assertThat(Http.json(health).get("streams").asText()).isEqualTo("NOT_RUNNING");
      assertThat(Http.json(health).get("reason").asText())
          .contains("the streams application is NOT_RUNNING");
      assertThat(Http.get(server.url(), "/ready").statusCode()).isEqualTo(503);
    } finally {
      app.close();
    }
  }

  private static ImpactsimStreams started(KafkaSettings settings, Path dir) throws Exception {
    ImpactsimStreams app =
        new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(dir));
    try {
      app.start(TIMEOUT);
      return app;
    } catch (Exception | Error e) {
      app.close();
      throw e;
    }
  }

  private static KafkaProducer<String, SimulatedMarketCap> producer(
      KafkaSettings settings, SchemaRegistry registry) {
    return new KafkaProducer<>(
        settings.kafkaProperties(),
        new StringSerializer(),
        settings.topics(registry).marketCap().valueSerde().serializer());
  }

  private static void publishVersions(
      KafkaProducer<String, SimulatedMarketCap> producer,
      Topic<String, SimulatedMarketCap> topic,
      int from,
      int to)
      throws Exception {
    for (int v = from; v <= to; v++) {
      for (int k = 0; k < KEYS; k++) {
        send(producer, topic, k, v);
      }
    }
  }

  private static void send(
      KafkaProducer<String, SimulatedMarketCap> producer,
      Topic<String, SimulatedMarketCap> topic,
      int k,
      int version)
      throws Exception {
    SimulatedMarketCap value =
        SimulatedMarketCap.newBuilder()
            .setCompany(key(k))
            .setAsOf(Instant.parse("2025-06-01T00:00:00Z"))
            .setValuationBasis(ValuationBasis.MARKET_CAP)
            .setReferenceValueUsd(1_000_000_000L)
            .setSimulatedValueUsd(1_000_000_000L + version)
            .setCumulativeAbnormalReturn(0.0)
            .setLowValueUsd(900_000_000L)
            .setHighValueUsd(1_100_000_000L)
            .setEventCount(version)
            .setLastEventId("event-" + version)
            .setReferenceDate(null)
            .build();
    producer.send(new ProducerRecord<>(topic.name(), key(k), value)).get(20, TimeUnit.SECONDS);
  }

  private static String key(int k) {
    return "feed-company-" + k;
  }
}
