package io.impactsim.sandbox.registry;

import io.impactsim.schemas.registry.CompatibilityLevel;
import io.javalin.Javalin;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A Confluent-compatible schema registry (Avro only) served on 127.0.0.1 and stored in a compacted
 * topic ({@value #SCHEMAS_TOPIC} by default), so its schemas live exactly as long as the broker's
 * data. Any client of the Confluent REST API can use it.
 */
public final class SandboxSchemaRegistry implements AutoCloseable {
  public static final String SCHEMAS_TOPIC = "_schemas";

  private final Map<String, Object> kafkaClientProperties;
  private final int requestedPort;
  private final CompatibilityLevel defaultCompatibility;
  private final String topic;
  private SchemaLog log;
  private Javalin server;

  /** A registry on the broker at {@code bootstrapServers}, on {@code port} (0 for a free one). */
  public SandboxSchemaRegistry(String bootstrapServers, int port) {
    this(
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        port,
        CompatibilityLevel.BACKWARD);
  }

  /**
   * A registry that reaches Kafka with {@code kafkaClientProperties} (bootstrap servers and any
   * security settings), listens on {@code port} (0 for a free one) and applies {@code
   * defaultCompatibility} until a global level is set through the API.
   */
  public SandboxSchemaRegistry(
      Map<String, Object> kafkaClientProperties,
      int port,
      CompatibilityLevel defaultCompatibility) {
    this(kafkaClientProperties, port, defaultCompatibility, SCHEMAS_TOPIC);
  }

  /**
   * As {@link #SandboxSchemaRegistry(Map, int, CompatibilityLevel)}, stored in {@code topic}: two
   * registries on one cluster must not share a topic, as each assumes it is the only writer.
   */
  public SandboxSchemaRegistry(
      Map<String, Object> kafkaClientProperties,
      int port,
      CompatibilityLevel defaultCompatibility,
      String topic) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("registry port out of range: " + port);
    }
    this.kafkaClientProperties = Map.copyOf(kafkaClientProperties);
    this.requestedPort = port;
    this.defaultCompatibility = defaultCompatibility;
    this.topic = topic;
  }

  /** Rebuilds the state from the topic, then starts serving; returns once requests are served. */
  public synchronized SandboxSchemaRegistry start() {
    if (server != null) {
      throw new IllegalStateException("registry already running at " + url());
    }
    RegistryState state = new RegistryState(defaultCompatibility);
    log = new SchemaLog(kafkaClientProperties, topic);
    try {
      log.open(state::apply);
      RegistryRoutes routes = new RegistryRoutes(new RegistryService(state, log));
      // Kept before it starts, so that close() also stops a server that failed to bind.
      server =
          Javalin.create(
              cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.jetty.host = "127.0.0.1";
                cfg.jetty.port = requestedPort;
                routes.addTo(cfg.routes);
              });
      server.start();
    } catch (TimeoutException e) {
      throw closeAfter(
          new IllegalStateException("cannot read topic " + topic + ": " + e.getMessage(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw closeAfter(
          new IllegalStateException("interrupted while starting the schema registry", e));
    } catch (RuntimeException e) {
      throw closeAfter(e);
    }
    return this;
  }

  /** The base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:8081}. */
  public synchronized String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The port the registry listens on. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("registry not running");
    }
    return server.port();
  }

  @Override
  public synchronized void close() {
    try {
      if (server != null) {
        server.stop();
        server = null;
      }
    } finally {
      if (log != null) {
        log.close();
        log = null;
      }
    }
  }

  /** Releases what a failed start opened; the start failure stays the one reported. */
  private RuntimeException closeAfter(RuntimeException failure) {
    try {
      close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    return failure;
  }
}
