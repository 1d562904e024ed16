package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests a hostile client sends, on a real server over a running application: request lines the
 * server refuses before any route (answered in the API's JSON form), unknown paths, empty parameter
 * values, and live-stream clients that go away while the views are quiet.
 */
@KafkaSandboxTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHttpIntegrationTest {
  private static final Duration HEARTBEAT = Duration.ofMillis(200);
  private static final Duration STALL_WINDOW = Duration.ofSeconds(2);
  private static final Pattern LIVE_CLIENTS =
      Pattern.compile("(?m)^impactsim_live_clients ([0-9.]+)$");

  private ImpactsimStreams app;
  private ViewServer server;

  @BeforeAll
  void start(KafkaEnvironment env, @TempDir Path dir) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("http"));
    app = new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(dir));
    app.start(Duration.ofSeconds(90));
    server =
        new ViewServer(
                app,
                settings,
                ServeOptions.of("127.0.0.1", 0)
                    .withHeartbeat(HEARTBEAT)
                    .withStallWindow(STALL_WINDOW))
            .start();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void requestLinesTheServerRefusesAreAnsweredAsJson() throws IOException {
    for (String target :
        List.of(
            "/api/capex/%zz",
            "/api/capex/%",
            "/api/capex/%00",
            "/api/capex/open%00ai",
            "/api/capex/..;/health",
            "/..;/etc/passwd",
            "/api/capex/%2e%2e;/x",
            "/api/capex/a%2Fb",
            "/api/market-share?segment=%zz",
            "/api/reactions?event=%",
            "/api/reactions?company=open%00ai")) {
      Raw response = Raw.get(server.port(), target);

      assertThat(response.status).as(target).isEqualTo(400);
      assertJsonError(response, target);
    }
  }

  @Test
  void unknownPathsAndMethodsAreJson404s() throws IOException {
    for (String target : List.of("/no/such/path", "/api", "/api/capex/openai/extra", "/x.html")) {
      Raw response = Raw.get(server.port(), target);

      assertThat(response.status).as(target).isEqualTo(404);
      assertJsonError(response, target);
      assertThat(response.json().get("message").asText()).contains("/api/market-share");
    }
    Raw post = Raw.send(server.port(), "POST", "/api/capex");
    assertThat(post.status).isBetween(400, 499);
    assertJsonError(post, "POST /api/capex");
  }

  @Test
  void anEmptyParameterValueIsA400NamingTheParameter() {
    for (String name : List.of("segment", "quarter")) {
      HttpResponse<String> response = Http.get(server.url(), "/api/market-share?" + name + "=");

      assertThat(response.statusCode()).as(name).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(Http.json(response).get("message").asText())
          .isEqualTo(
              "empty value of parameter '" + name + "': give a value or leave the parameter out");
    }
    for (String query : List.of("?company=", "?event=", "?company=openai&event=")) {
      assertThat(Http.get(server.url(), "/api/reactions" + query).statusCode())
          .as(query)
          .isEqualTo(400);
    }
  }

  @Test
  void aLiveClientThatGoesAwayIsReleasedWithinAFewHeartbeats() throws Exception {
    assertThat(liveClients()).isZero();
    try (Socket client = new Socket("127.0.0.1", server.port())) {
      client.setSoTimeout(20_000);
      OutputStream out = client.getOutputStream();
      out.write(
          ("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String seen = readUntil(client.getInputStream(), "event: replayed", ": heartbeat");
      assertThat(seen).contains("event: replayed", ": heartbeat");
      await().atMost(Duration.ofSeconds(10)).until(() -> liveClients() == 1);
    }

    long closedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(10)).until(() -> liveClients() == 0);
    assertThat(Duration.ofNanos(System.nanoTime() - closedAt))
        .as("time to release a client that went away")
        .isLessThan(HEARTBEAT.multipliedBy(20));
  }

  @Test
  void healthStaysUpWhileARunningApplicationIdlesLongerThanTheStallWindow() {
    // UP at every check for twice the stall window, not only at its end.
    await()
        .during(STALL_WINDOW.multipliedBy(2))
        .atMost(STALL_WINDOW.multipliedBy(4))
        .until(() -> Http.get(server.url(), "/health").statusCode() == 200);

    HttpResponse<String> health = Http.get(server.url(), "/health");

    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(Http.json(health).get("status").asText()).isEqualTo("UP");
  }

  private int liveClients() {
    Matcher m = LIVE_CLIENTS.matcher(Http.get(server.url(), "/metrics").body());
    assertThat(m.find()).as("impactsim_live_clients in the scrape").isTrue();
    return (int) Double.parseDouble(m.group(1));
  }

  private static void assertJsonError(Raw response, String target) {
    assertThat(response.header("content-type")).as(target).startsWith("application/json");
    JsonNode body = response.json();
    assertThat(body.get("status").asInt()).as(target).isEqualTo(response.status);
    assertThat(body.get("message").asText()).as(target).isNotBlank();
    assertThat(response.body)
        .as(target)
        .doesNotContain("<html", "Exception", "\tat ", "passwd", "%00", "%zz");
  }

  private static String readUntil(InputStream in, String... markers) throws IOException {
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (!java.util.Arrays.stream(markers).allMatch(seen.toString()::contains)) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
    return seen.toString();
  }

  /** A response read off a plain socket, so that no client library cleans the request up first. */
  private record Raw(int status, String head, String body) {
    static Raw get(int port, String target) throws IOException {
      return send(port, "GET", target);
    }

    static Raw send(int port, String method, String target) throws IOException {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(20_000);
        socket
            .getOutputStream()
            .write(
                (method
                        + " "
                        + target
                        + " HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new Raw(status, head, body);
      }
    }

    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }

    JsonNode json() {
      try {
        return AvroToJson.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + head + "\n\n" + body, e);
      }
    }
  }
}
