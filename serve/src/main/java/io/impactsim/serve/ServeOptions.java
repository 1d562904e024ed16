package io.impactsim.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Where the view server listens and how other instances reach it.
 *
 * @param host address to bind; the default, 127.0.0.1, keeps the API on this machine
 * @param port port to bind; 0 picks a free one when the server starts (single instance only: other
 *     instances need a fixed, advertised port)
 * @param advertisedHost host name other instances use to forward queries here; defaults to {@code
 *     host}
 * @param metricsRefresh how often the Kafka Streams meters are refreshed
 * @param heartbeat how often the live stream sends each client a comment, so that a client that has
 *     gone is noticed (the write fails) and released even while the views are quiet
 * @param stallWindow how long a stream thread may go without polling, or without processing while
 *     records wait, before {@code /health} reports the application DOWN
 * @param metricsCompanies how many companies, the largest by simulated value, get market-cap series
 *     on {@code /metrics} (0 for none): the series per company are bounded, whatever the number of
 *     companies
 * @param liveBuffer how many changes the live stream queues for one client: a client that falls
 *     further behind is disconnected (and reconnects to a fresh snapshot), so a slow client holds
 *     at most this many changes in memory
 */
public record ServeOptions(
    String host,
    int port,
    String advertisedHost,
    Duration metricsRefresh,
    Duration heartbeat,
    Duration stallWindow,
    int metricsCompanies,
    int liveBuffer) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_METRICS_REFRESH = Duration.ofSeconds(10);
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_STALL_WINDOW = Duration.ofSeconds(60);
  public static final int DEFAULT_METRICS_COMPANIES = 50;
  public static final int DEFAULT_LIVE_BUFFER = 10_000;

  public ServeOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
    Objects.requireNonNull(metricsRefresh, "metricsRefresh");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(stallWindow, "stallWindow");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0-65535, was " + port);
    }
    if (metricsRefresh.isNegative() || metricsRefresh.isZero()) {
      throw new IllegalArgumentException("metrics refresh must be positive");
    }
    if (heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("heartbeat must be positive");
    }
    if (stallWindow.isNegative() || stallWindow.isZero()) {
      throw new IllegalArgumentException("stall window must be positive");
    }
    if (metricsCompanies < 0) {
      throw new IllegalArgumentException("metrics companies must be >= 0, was " + metricsCompanies);
    }
    if (liveBuffer < 1) {
      throw new IllegalArgumentException("live buffer must be >= 1, was " + liveBuffer);
    }
  }

  /** 127.0.0.1:8080. */
  public static ServeOptions defaults() {
    return of(DEFAULT_HOST, DEFAULT_PORT);
  }

  /** Binds and advertises the given host and port. */
  public static ServeOptions of(String host, int port) {
    return new ServeOptions(
        host,
        port,
        host,
        DEFAULT_METRICS_REFRESH,
        DEFAULT_HEARTBEAT,
        DEFAULT_STALL_WINDOW,
        DEFAULT_METRICS_COMPANIES,
        DEFAULT_LIVE_BUFFER);
  }

  /** Binds the given host on a port that is free now, so it can be advertised before starting. */
  public static ServeOptions onFreePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return of(host, socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  public ServeOptions withAdvertisedHost(String advertised) {
    return new ServeOptions(
        host,
        port,
        advertised,
        metricsRefresh,
        heartbeat,
        stallWindow,
        metricsCompanies,
        liveBuffer);
  }

  public ServeOptions withMetricsRefresh(Duration refresh) {
    return new ServeOptions(
        host, port, advertisedHost, refresh, heartbeat, stallWindow, metricsCompanies, liveBuffer);
  }

  public ServeOptions withHeartbeat(Duration interval) {
    return new ServeOptions(
        host,
        port,
        advertisedHost,
        metricsRefresh,
        interval,
        stallWindow,
        metricsCompanies,
        liveBuffer);
  }

  public ServeOptions withStallWindow(Duration window) {
    return new ServeOptions(
        host,
        port,
        advertisedHost,
        metricsRefresh,
        heartbeat,
        window,
        metricsCompanies,
        liveBuffer);
  }

  public ServeOptions withMetricsCompanies(int companies) {
    return new ServeOptions(
        host, port, advertisedHost, metricsRefresh, heartbeat, stallWindow, companies, liveBuffer);
  }

  public ServeOptions withLiveBuffer(int changes) {
    return new ServeOptions(
        host,
        port,
        advertisedHost,
        metricsRefresh,
        heartbeat,
        stallWindow,
        metricsCompanies,
        changes);
  }

  /** {@code host:port} as other instances reach this one. */
  public String advertised() {
    return advertisedHost + ":" + port;
  }

  /**
   * The Kafka Streams settings that let other instances find this one ({@code application.server});
   * add them to the streams options' overrides. Empty when the port is chosen at start.
   */
  public Map<String, String> streamsOverrides() {
    return port == 0 ? Map.of() : Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised());
  }
}
