package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.sandbox.junit.IntegrationTest;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served instance while its broker is away: the query API keeps answering from the local stores;
 * {@code /health} stays UP, or, if the stream thread waits in a send or commit and stops polling,
 * turns DOWN after the stall window naming the thread; once the broker is back the instance is
 * healthy and ready again without a restart.
 */
@IntegrationTest
class OutageHealthIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static final Duration OUTAGE = Duration.ofSeconds(30);

  /** Well inside the outage, so that a thread that stopped polling is reported within it. */
  private static final Duration STALL_WINDOW = Duration.ofSeconds(5);

  @TempDir Path dataDir;
  @TempDir Path stateDir;

  @Test
  void whileTheBrokerIsAwayTheApiAnswersAndHealthNamesAnyStallThenAllIsUpAgain() throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withDataDir(dataDir))) {
      KafkaSettings settings =
          new KafkaSettings(
              sandbox.bootstrapServers(), sandbox.schemaRegistryUrl(), Map.of(), "outage-health");
      publish(settings, BundledHistory.load());
      try (ImpactsimStreams app =
              new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir));
          ViewServer server =
              new ViewServer(
                  app, settings, ServeOptions.of("127.0.0.1", 0).withStallWindow(STALL_WINDOW))) {
        app.start(TIMEOUT);
        app.awaitCaughtUp(TIMEOUT);
        server.start();
        await().atMost(TIMEOUT).until(() -> Http.get(server.url(), "/ready").statusCode() == 200);
        String capex = Http.get(server.url(), "/api/capex/openai").body();

        sandbox.broker().stop();
        List<HttpResponse<String>> downs = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        // For the whole outage the API must answer as before, and /health be UP or name a stall.
        await()
            .during(OUTAGE)
            .atMost(OUTAGE.plusSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> {
                  HttpResponse<String> query = Http.get(server.url(), "/api/capex/openai");
                  assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
                  assertThat(query.body()).isEqualTo(capex);
                  answered.incrementAndGet();
                  HttpResponse<String> health = Http.get(server.url(), "/health");
                  if (health.statusCode() != 200) {
                    downs.add(health);
                  }
                  return true;
                });
        assertThat(app.streams().state())
            .isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        sandbox.broker().restart();

        // Whether the stream thread stops polling depends on whether a send or commit was under
        // way when the broker left: both were seen. A DOWN answer must name the stalled thread.
        for (HttpResponse<String> down : downs) {
          assertThat(down.statusCode()).isEqualTo(503);
          assertThat(Http.json(down).get("reason").asText())
              .as(down.body())
              .contains("StreamThread-1 has not polled for", "stall window 5 s");
        }
        assertThat(answered.get()).isGreaterThan(10);
        await().atMost(TIMEOUT).until(() -> Http.get(server.url(), "/ready").statusCode() == 200);
        assertThat(Http.get(server.url(), "/health").statusCode()).isEqualTo(200);
        assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
    }
  }

  private static void publish(KafkaSettings settings, List<InputEvent> history) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      assertThat(publisher.publish(history).total()).isEqualTo(history.size());
    }
  }
}
