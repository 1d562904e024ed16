package io.impactsim.cli;

import io.impactsim.serve.ServeOptions;
import picocli.CommandLine.Option;

/** Where the views' HTTP server (API, dashboard, metrics, health) listens. */
final class HttpOptions {
  @Option(
      names = "--http-host",
      defaultValue = "${env:IMPACTSIM_HTTP_HOST:-" + ServeOptions.DEFAULT_HOST + "}",
      description =
          "Address the HTTP server binds to (env IMPACTSIM_HTTP_HOST; default: ${DEFAULT-VALUE},"
              + " reachable from this machine only).")
  String host;

  @Option(
      names = "--http-port",
      defaultValue = "${env:IMPACTSIM_HTTP_PORT:-" + ServeOptions.DEFAULT_PORT + "}",
      description =
          "Port of the HTTP server; 0 picks a free one (env IMPACTSIM_HTTP_PORT;"
              + " default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--advertised-host",
      defaultValue = "${env:IMPACTSIM_ADVERTISED_HOST}",
      description =
          "Host name other instances use to reach this one for query forwarding"
              + " (env IMPACTSIM_ADVERTISED_HOST; default: the bind address).")
  String advertisedHost;

  @Option(
      names = "--metrics-companies",
      paramLabel = "N",
      defaultValue =
          "${env:IMPACTSIM_METRICS_COMPANIES:-" + ServeOptions.DEFAULT_METRICS_COMPANIES + "}",
      description =
          "Market-cap series on /metrics for the N largest companies by simulated value, 0 for"
              + " none: three series per company (env IMPACTSIM_METRICS_COMPANIES;"
              + " default: ${DEFAULT-VALUE}).")
  int metricsCompanies;

  @Option(
      names = "--live-buffer",
      paramLabel = "CHANGES",
      defaultValue = "${env:IMPACTSIM_LIVE_BUFFER:-" + ServeOptions.DEFAULT_LIVE_BUFFER + "}",
      description =
          "Changes the live stream queues per client; a client further behind is disconnected"
              + " and reconnects to a fresh snapshot (env IMPACTSIM_LIVE_BUFFER;"
              + " default: ${DEFAULT-VALUE}).")
  int liveBuffer;

  ServeOptions serveOptions() {
    ServeOptions options =
        ServeOptions.of(host, port)
            .withMetricsCompanies(metricsCompanies)
            .withLiveBuffer(liveBuffer);
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      options = options.withAdvertisedHost(advertisedHost);
    }
    return options;
  }
}
