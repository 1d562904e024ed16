package io.impactsim.bench.serving;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP side of the serving benchmark: readiness, a live-stream snapshot, a scrape. */
final class HttpProbe {
  private static final long POLL_MS = 50;

  /** What one live-stream client got until its {@code replayed} event, or the reason it had not. */
  record Snapshot(long entries, long bytes, String unavailable) {}

  /** A scrape: its bytes, its samples and those of one metric. */
  record Scrape(long bytes, long series, long marketCapSeries) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  HttpProbe(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Waits until {@code /ready} answers 200. */
  void awaitReady(long deadline) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/ready")).build();
    while (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("/ready did not answer 200 in time");
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Connects one client to the live stream and reads until {@code replayed} or unavailable. */
  Snapshot snapshot() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/stream"))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    Counting counted = new Counting(response.body());
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        return new Snapshot(0, 0, "status " + response.statusCode());
      }
      long entries = 0;
      String event = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:") && event != null) {
          switch (event) {
            case "replayed" -> {
              return new Snapshot(entries, counted.count, null);
            }
            case "unavailable" -> {
              return new Snapshot(entries, counted.count, line.substring(5).trim());
            }
            default -> entries++;
          }
        } else if (line.isEmpty()) {
          event = null;
        }
      }
      return new Snapshot(entries, counted.count, "the stream ended before its snapshot");
    }
  }

  /** One scrape of {@code /metrics}. */
  Scrape scrape() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/metrics")).build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/metrics answered " + response.statusCode());
    }
    long series = 0;
    long marketCap = 0;
    for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      series++;
      if (line.startsWith("impactsim_market_cap_usd{")) {
        marketCap++;
      }
    }
    return new Scrape(response.body().length, series, marketCap);
  }

  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
