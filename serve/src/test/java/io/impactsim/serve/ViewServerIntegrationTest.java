package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.json.JsonToAvro;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.View;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the application on the sandbox broker, one application id, each serving the API:
 * every endpoint, from either instance, over the bundled history.
 */
@KafkaSandboxTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewServerIntegrationTest {
  private static final List<String> QUERIES =
      List.of(
          "/api/market-share",
          "/api/market-share?segment=ai-compute-cloud",
          "/api/market-share?segment=ai-compute-cloud&quarter=ALL",
          "/api/market-share?quarter=ALL",
          "/api/capex",
          "/api/capex/openai",
          "/api/capex/amazon",
          "/api/market-cap",
          "/api/market-cap/openai",
          "/api/reactions",
          "/api/reactions?company=openai");

  private Path stateDir;
  private ServedHistory served;

  @BeforeAll
  void startTwoInstances(KafkaEnvironment env, @TempDir Path dir) throws Exception {
    stateDir = dir;
    served = ServedHistory.start(env, stateDir, 2);
    await()
        .atMost(ServedHistory.TIMEOUT)
        .untilAsserted(
            () -> {
              for (ViewServer server : served.servers) {
                assertThat(Http.get(server.url(), "/api/capex/openai").statusCode()).isEqualTo(200);
                assertThat(Http.json(Http.get(server.url(), "/api/market-cap")).size())
                    .isGreaterThan(1);
              }
            });
  }

  @AfterAll
  void stop() {
    if (served != null) {
      served.close();
    }
  }

  @Test
  void eitherInstanceGivesTheSameAnswers() {
    assertThat(served.apps.get(0).streams().metadataForAllStreamsClients()).hasSize(2);
    await()
        .atMost(ServedHistory.TIMEOUT)
        .untilAsserted(
            () -> {
              for (String query : QUERIES) {
                HttpResponse<String> first = Http.get(url(0), query);
                HttpResponse<String> second = Http.get(url(1), query);
                assertThat(first.statusCode()).as(query).isEqualTo(200);
                assertThat(Http.json(second)).as(query).isEqualTo(Http.json(first));
              }
            });
  }

  @Test
  void keysOwnedByTheOtherInstanceAreForwarded() {
    List<String> companies = new ArrayList<>();
    Http.json(Http.get(url(0), "/api/capex"))
        .forEach(c -> companies.add(c.get("company").asText()));
    assertThat(companies).contains("openai", "amazon", "oracle");
    ImpactsimStreams first = served.apps.get(0);
    long ownedElsewhere =
        companies.stream()
            .filter(
                c ->
                    first
                            .streams()
                            .queryMetadataForKey(
                                View.CAPEX.store(),
                                c,
                                org.apache.kafka.common.serialization.Serdes.String().serializer())
                            .activeHost()
                            .port()
                        != served.servers.get(0).port())
            .count();
    assertThat(ownedElsewhere)
        .as("companies whose capex lives on the second instance")
        .isPositive();
    for (String company : companies) {
      assertThat(Http.json(Http.get(url(0), "/api/capex/" + company)).get("company").asText())
          .isEqualTo(company);
    }
  }

  @Test
  void marketShareOfASegmentAndPeriod() {
    JsonNode answer =
        Http.json(Http.get(url(1), "/api/market-share?segment=ai-compute-cloud&quarter=ALL"));
    assertThat(answer).hasSize(1);
    assertThat(answer.get(0).get("totalCommittedUsd").asLong()).isEqualTo(338_000_000_000L);
    assertThat(answer.get(0).get("entries").findValuesAsText("provider"))
        .containsExactly("oracle", "amazon");
  }

  @Test
  void capexAndMarketCapOfOneCompany() {
    JsonNode capex = Http.json(Http.get(url(0), "/api/capex/openai"));
    assertThat(capex.get("committedAsBuyerUsd").asLong()).isEqualTo(338_000_000_000L);
    assertThat(capex.get("asOf").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonNode cap = Http.json(Http.get(url(1), "/api/market-cap/openai"));
    assertThat(cap.get("company").asText()).isEqualTo("openai");
    assertThat(cap.get("lowValueUsd").asLong())
        .isLessThanOrEqualTo(cap.get("simulatedValueUsd").asLong());
  }

  @Test
  void reactionsFilterByCompanyAndEvent() {
    JsonNode openai = Http.json(Http.get(url(0), "/api/reactions?company=openai"));
    assertThat(openai).isNotEmpty();
    assertThat(openai.findValuesAsText("company")).containsOnly("openai");
    String event = openai.get(0).get("eventId").asText();
    JsonNode one = Http.json(Http.get(url(1), "/api/reactions?company=openai&event=" + event));
    assertThat(one).hasSize(1);
    assertThat(one.get(0)).isEqualTo(openai.get(0));
    assertThat(
            Http.json(Http.get(url(1), "/api/reactions?event=" + event))
                .findValuesAsText("eventId"))
        .containsOnly(event);
  }

  @Test
  void unknownCompanyIs404() {
    HttpResponse<String> response = Http.get(url(0), "/api/market-cap/no-such-company");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.json(response).get("message").asText()).contains("no-such-company");
    assertThat(Http.get(url(1), "/api/capex/no-such-company").statusCode()).isEqualTo(404);
  }

  @Test
  void badParametersAre400WithAMessageAndNoStackTrace() {
    for (String bad :
        List.of(
            "/api/market-share?quarter=2025-Q5",
            "/api/market-share?segment=%3Cscript%3E",
            "/api/market-share?colour=red",
            "/api/market-share?segment=a&segment=b",
            "/api/capex/" + "x".repeat(65),
            "/api/capex/open%20ai",
            "/api/reactions?event=" + "e".repeat(129),
            "/api/stream?since=0")) {
      HttpResponse<String> response = Http.get(url(0), bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(Http.json(response).get("message").asText()).as(bad).isNotBlank();
      assertThat(response.body()).as(bad).doesNotContain("Exception", "\tat ", "<script>");
    }
  }

  @Test
  void notStartedAnswers503WithRetryAfterAndIsNotHealthy(KafkaEnvironment env) {
    var settings = env.settings(env.uniqueName("idle"));
    try (ImpactsimStreams idle =
            new ImpactsimStreams(
                settings, StreamsOptions.defaults().withStateDir(stateDir.resolve("idle")));
        ViewServer server =
            new ViewServer(idle, settings, ServeOptions.of("127.0.0.1", 0)).start()) {
      for (String path : List.of("/api/capex", "/api/market-cap/openai", "/ready")) {
        HttpResponse<String> response = Http.get(server.url(), path);
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("2");
      }
      HttpResponse<String> health = Http.get(server.url(), "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(Http.json(health).get("reason").asText())
          .isEqualTo("the streams application is CREATED; the profile gate is CREATED");
    }
  }

  @Test
  void healthAndReadinessWhenRunning() {
    for (int i = 0; i < 2; i++) {
      assertThat(Http.get(url(i), "/health").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = Http.get(url(i), "/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(Http.json(ready).get("streams").asText()).isEqualTo("RUNNING");
    }
  }

  @Test
  void streamReplaysTheViewsThenFollowsNewChanges() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(1) + "api/stream"))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(20, TimeUnit.SECONDS);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    List<String> events = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      CompletableFuture<String> probe =
          CompletableFuture.supplyAsync(
              () -> {
                String event = "";
                while (it.hasNext()) {
                  String line = it.next();
                  if (line.startsWith("event: ")) {
                    event = line.substring(7);
                    events.add(event);
                    if (event.equals("replayed")) {
                      publishMarketCap("live-probe");
                    }
                  } else if (line.startsWith("data: ") && line.contains("live-probe")) {
                    return event + " " + line.substring(6);
                  }
                }
                return "stream ended";
              });
      String live = probe.get(ServedHistory.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(live).startsWith("market-cap {\"key\":\"live-probe\"");
    }
    assertThat(events.subList(0, events.indexOf("replayed")))
        .contains("market-share", "capex", "market-cap", "reactions");
  }

  /** Writes a copy of openai's market cap under another company straight to the view topic. */
  private void publishMarketCap(String company) {
    SimulatedMarketCap value =
        JsonToAvro.read(
            Http.json(Http.get(url(0), "/api/market-cap/openai")),
            SimulatedMarketCap.getClassSchema());
    value.setCompany(company);
    try (SchemaRegistry registry = served.settings.schemaRegistry();
        KafkaProducer<String, SimulatedMarketCap> producer =
            new KafkaProducer<>(
                served.settings.kafkaProperties(),
                new StringSerializer(),
                served.settings.topics(registry).marketCap().valueSerde().serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  served.settings.topics(registry).marketCap().name(), company, value))
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish the probe: " + e, e);
    }
  }

  @Test
  void dashboardAndItsChartLibraryAreServedFromTheClasspath() {
    HttpResponse<String> page = Http.get(url(0), "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    assertThat(Http.get(url(0), "/webjars/chart.js/4.5.1/dist/chart.umd.min.js").statusCode())
        .isEqualTo(200);
    assertThat(Http.get(url(0), "/dashboard.js").statusCode()).isEqualTo(200);
  }

  @Test
  void whatIfBranchesAreListedAndAnUnknownOneIs404() {
    HttpResponse<String> list = Http.get(url(0), "/api/branches");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(Http.json(list).isArray()).isTrue();
    assertThat(Http.get(url(0), "/api/branches/no-such-branch/market-cap").statusCode())
        .isEqualTo(404);
    assertThat(Http.get(url(0), "/api/branches/no-such-branch/no-such-view").statusCode())
        .isEqualTo(404);
    HttpResponse<String> bad = Http.get(url(0), "/api/branches/bad_name/market-cap");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("message").asText()).contains("branch");
  }

  @Test
  void metricsShowKafkaStreamsJvmAndDomainMeters() throws Exception {
    publishUnreadableDeal();
    await()
        .atMost(ServedHistory.TIMEOUT)
        .untilAsserted(
            () -> {
              HttpResponse<String> scrape = Http.get(url(0), "/metrics");
              assertThat(scrape.statusCode()).isEqualTo(200);
              Files.writeString(Path.of("target", "metrics-scrape.txt"), scrape.body());
              assertThat(scrape.body())
                  .contains(
                      "kafka_stream_client_state",
                      "kafka_stream_alive_stream_threads",
                      "kafka_stream_thread_commit_rate",
                      "kafka_stream_impactsim_event_events_total{",
                      "kafka_stream_impactsim_event_changes_sent_total{",
                      "client=\"view-feed\"",
                      "jvm_memory_used_bytes",
                      "impactsim_events_processed{type=\"deal\"} 5.0",
                      "impactsim_dead_letters_total{reason=",
                      "impactsim_view_lag_seconds_count{view=\"market-share\"}",
                      "impactsim_market_cap_usd{bound=\"simulated\",company=\"openai\"}");
            });
  }

  private void publishUnreadableDeal() throws Exception {
    TopicCatalog topics =
        TopicCatalog.create(served.settings.topicPrefix(), new InMemorySchemaRegistry(), false);
    Properties props = served.settings.kafkaProperties();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topics.deals().name(),
                  "broken".getBytes(StandardCharsets.UTF_8),
                  "not avro".getBytes(StandardCharsets.UTF_8)))
          .get(20, TimeUnit.SECONDS);
    }
  }

  private String url(int instance) {
    return served.servers.get(instance).url();
  }
}
