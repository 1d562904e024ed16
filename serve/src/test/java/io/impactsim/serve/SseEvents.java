package io.impactsim.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.json.AvroToJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test support: a live-stream client that collects the server's events as they arrive. */
final class SseEvents implements AutoCloseable {
  /** One event: its name and parsed data ({@code null} for data that is not JSON). */
  record Event(String name, JsonNode data) {}

  private static final Event END = new Event("", null);

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final InputStream body;
  private final Thread reader;

  private SseEvents(InputStream body) {
    this.body = body;
    this.reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static SseEvents open(String baseUrl) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/$", "") + LiveStream.PATH))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .get(20, TimeUnit.SECONDS);
    return new SseEvents(response.body());
  }

  /** The next event, waiting up to {@code timeout}; fails when the stream ends or none comes. */
  Event next(Duration timeout) throws InterruptedException {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no live-stream event within " + timeout);
    }
    if (e == END) {
      events.add(END);
      throw new AssertionError("the live stream ended");
    }
    return e;
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = "message";
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          JsonNode data;
          try {
            data = AvroToJson.MAPPER.readTree(line.substring(6));
          } catch (IOException e) {
            data = null;
          }
          events.add(new Event(name, data));
          name = "message";
        }
      }
    } catch (IOException e) {
      // The stream was closed.
    } finally {
      events.add(END);
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
