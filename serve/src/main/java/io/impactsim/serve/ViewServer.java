package io.impactsim.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.BranchViews;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StallWatch;
import io.impactsim.views.StreamThreadReadings;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the views of a running streams application over HTTP: the query API, the live stream, the
 * dashboard, Prometheus metrics and the health probes. Start it once the application has started;
 * with several instances, give each one's Kafka Streams {@link ServeOptions#streamsOverrides()}.
 */
public final class ViewServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViewServer.class);

  private final KafkaStreams streams;
  private final KafkaStreams profileGate;
  private final ServeOptions options;
  private final ServingMetrics metrics;
  private final ViewFeed feed;
  private final Admin admin;
  private final ViewQueries queries;
  private final ViewSnapshot snapshot;
  private final LiveStream live;
  private final StallWatch stalls;
  private final MarketCapSeed seed;
  private BranchViews branches = BranchViews.NONE;
  private Javalin server;

  /** A server for the application's views; nothing is opened until {@link #start()}. */
  public ViewServer(ImpactsimStreams app, KafkaSettings settings, ServeOptions options) {
    this(app.streams(), app.profileGate(), app.applicationId(), app.topics(), settings, options);
  }

  /** A server for any Kafka Streams instance running {@code ImpactsimTopology}. */
  public ViewServer(
      KafkaStreams streams,
      String applicationId,
      TopicCatalog topics,
      KafkaSettings settings,
      ServeOptions options) {
    this(streams, null, applicationId, topics, settings, options);
  }

  private ViewServer(
      KafkaStreams streams,
      KafkaStreams profileGate,
      String applicationId,
      TopicCatalog topics,
      KafkaSettings settings,
      ServeOptions options) {
    this.streams = streams;
    this.profileGate = profileGate;
    this.options = options;
    this.metrics = new ServingMetrics(options.metricsRefresh(), options.metricsCompanies());
    this.feed = new ViewFeed(settings, topics, metrics, Clock.systemUTC());
    this.admin = Admin.create(settings.kafkaProperties());
    this.queries = new ViewQueries(streams, new HostInfo(options.advertisedHost(), options.port()));
    this.snapshot = new ViewSnapshot(queries, admin, applicationId);
    this.live = new LiveStream(feed, snapshot, metrics, options.heartbeat(), options.liveBuffer());
    this.stalls = new StallWatch(options.stallWindow());
    this.seed = new MarketCapSeed(streams, feed, snapshot, metrics);
    metrics.bindStreams(streams);
    metrics.every(new ProcessedEvents(admin, applicationId, topics, metrics));
    metrics.every(this::watchForStalls, stallSampling(options.stallWindow()));
  }

  /** A few samples per window, so a stall is seen soon after the window has passed. */
  private static Duration stallSampling(Duration window) {
    long millis = Math.max(50, Math.min(window.toMillis() / 4, 5_000));
    return Duration.ofMillis(millis);
  }

  private void watchForStalls() {
    try {
      if (streams.state() == KafkaStreams.State.RUNNING) {
        stalls.observe(System.currentTimeMillis(), StreamThreadReadings.read(streams.metrics()));
      } else {
        stalls.reset();
      }
    } catch (RuntimeException e) {
      // A failed sample must not cancel the next ones.
      LOG.warn("cannot read the stream threads' metrics: {}", e.toString());
    }
  }

  /** Serves these what-if branches beside the live views (under {@code /api/branches}). */
  public synchronized ViewServer withBranches(BranchViews branches) {
    this.branches = branches;
    return this;
  }

  /** Binds the address and starts serving; answers 503 until the application is running. */
  public synchronized ViewServer start() {
    if (server != null) {
      return this;
    }
    ApiRoutes api = new ApiRoutes(queries);
    BranchRoutes branchRoutes = new BranchRoutes(branches);
    server =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.jetty.host = options.host();
              cfg.jetty.port = options.port();
              // Requests refused before any route runs get the API's JSON errors too.
              cfg.jetty.modifyServer(s -> s.setErrorHandler(new JsonErrorHandler()));
              cfg.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new JsonErrorHandler()));
              cfg.staticFiles.enableWebjars();
              cfg.staticFiles.add("/dashboard", Location.CLASSPATH);
              api.addTo(cfg.routes);
              branchRoutes.addTo(cfg.routes);
              live.addTo(cfg.routes);
              snapshot.addTo(cfg.routes);
              addOperations(cfg.routes);
              addErrors(cfg.routes);
            });
    server.start();
    feed.start();
    seed.start();
    return this;
  }

  /** The address of the dashboard, e.g. {@code http://127.0.0.1:8080/}. */
  public synchronized String url() {
    if (server == null) {
      throw new IllegalStateException("the view server is not started");
    }
    return "http://" + options.host() + ":" + server.port() + "/";
  }

  /** The port it listens on. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the view server is not started");
    }
    return server.port();
  }

  private void addOperations(RoutesConfig routes) {
    routes.get("/health", this::health);
    routes.get("/ready", this::ready);
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  /** The instance's health ({@link Health}): the application's state, stalls and the feed. */
  private Health healthNow() {
    return Health.of(
        streams.state(),
        profileGate == null ? null : profileGate.state(),
        stalls.verdict(),
        feed.failure());
  }

  /**
   * DOWN, with the reasons, unless the application runs, no thread has stalled and the feed runs.
   */
  private void health(Context ctx) {
    Health health = healthNow();
    ObjectNode body = probe(ctx, health.up());
    if (!health.up()) {
      body.put("reason", health.reason());
    }
    ApiRoutes.json(ctx, body);
  }

  /**
   * Ready when healthy and RUNNING with every store queryable: not while a store is restoring (the
   * application is then REBALANCING), so a balancer sends no query before restoration ends.
   */
  private void ready(Context ctx) {
    Health health = healthNow();
    boolean ready = health.up() && queries.ready();
    ObjectNode body = probe(ctx, ready);
    if (!health.up()) {
      body.put("reason", health.reason());
    } else if (!ready) {
      body.put("reason", "the view stores are not all queryable yet");
    }
    ApiRoutes.json(ctx, body);
  }

  /** Test hook: the live feed, e.g. to make it fail. */
  ViewFeed feed() {
    return feed;
  }

  private ObjectNode probe(Context ctx, boolean ok) {
    ObjectNode body = AvroToJson.MAPPER.createObjectNode();
    body.put("status", ok ? "UP" : "DOWN");
    body.put("streams", streams.state().toString());
    if (!ok) {
      ctx.status(503).header("Retry-After", Integer.toString(ApiError.RETRY_AFTER_SECONDS));
    }
    return body;
  }

  private static void addErrors(RoutesConfig routes) {
    routes.exception(
        ApiError.class,
        (e, ctx) -> {
          ctx.status(e.status());
          if (e.status() == 503) {
            ctx.header("Retry-After", Integer.toString(ApiError.RETRY_AFTER_SECONDS));
          }
          error(ctx, e.getMessage());
        });
    // The framework's own answers (no such route, a method not served) in the same form.
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          ctx.status(e.getStatus());
          error(ctx, JsonErrorHandler.reason(e.getStatus(), e.getMessage()));
        });
    routes.error(
        404,
        ctx -> {
          String type = ctx.res().getContentType();
          if (type == null || !type.startsWith(ApiError.CONTENT_TYPE)) {
            error(ctx, ApiError.NOT_FOUND_MESSAGE);
          }
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500);
          error(ctx, "internal error; see the server's log");
        });
  }

  private static void error(Context ctx, String message) {
    ApiRoutes.json(ctx, ApiError.body(ctx.statusCode(), message));
  }

  @Override
  public synchronized void close() {
    seed.close();
    live.close();
    if (server != null) {
      server.stop();
    }
    feed.close();
    metrics.close();
    admin.close();
  }
}
