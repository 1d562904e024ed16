package io.impactsim.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;

/**
 * A real Kafka broker in this JVM: one KRaft node that is both broker and controller, listening on
 * 127.0.0.1. Its data directory can outlive it, so a later broker (or {@link #restart()}) finds the
 * same topics and records.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final int requestedBrokerPort;
  private final Map<String, String> overrides;
  private Path dataDir;
  private boolean temporaryDataDir;
  private int brokerPort;
  private int controllerPort;
  private String clusterId;
  private KafkaRaftServer server;
  private Thread deleteOnExit;

  /** A broker on a free port. */
  public EmbeddedKafkaBroker() {
    this(0, Map.of());
  }

  /**
   * A broker on {@code brokerPort} (0 for a free one), with server settings that replace the
   * sandbox defaults.
   */
  public EmbeddedKafkaBroker(int brokerPort, Map<String, String> overrides) {
    if (brokerPort < 0 || brokerPort > 65535) {
      throw new IllegalArgumentException("broker port out of range: " + brokerPort);
    }
    this.requestedBrokerPort = brokerPort;
    this.overrides = Map.copyOf(overrides);
  }

  /** Starts on a temporary data directory that {@link #close()} deletes. */
  public synchronized EmbeddedKafkaBroker start() {
    try {
      return start(Files.createTempDirectory("impactsim-kafka-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  /**
   * Starts on {@code dataDir}: formats it when new, otherwise reuses its cluster and data. The
   * directory is kept on close.
   */
  public synchronized EmbeddedKafkaBroker start(Path dataDir) {
    return start(dataDir, false);
  }

  private EmbeddedKafkaBroker start(Path dir, boolean temporary) {
    if (server != null) {
      throw new IllegalStateException("broker already running at " + bootstrapServers());
    }
    this.dataDir = dir.toAbsolutePath();
    this.temporaryDataDir = temporary;
    if (temporary) {
      // A JVM that exits without close() (a test run stopped half-way) still removes the logs,
      // which for a large run are gigabytes.
      Path doomed = dataDir;
      deleteOnExit = new Thread(() -> deleteQuietly(doomed), "impactsim-kafka-delete-on-exit");
      Runtime.getRuntime().addShutdownHook(deleteOnExit);
    }
    List<Integer> free = FreePorts.pick(2);
    this.brokerPort = requestedBrokerPort != 0 ? requestedBrokerPort : free.get(0);
    this.controllerPort = free.get(1);
    launch();
    return this;
  }

  /** Stops the broker, keeping its data directory and ports for {@link #restart()}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer running = server;
    server = null;
    running.shutdown();
    running.awaitShutdown();
  }

  /** Stops the broker if it runs, then starts it again on the same data directory and ports. */
  public synchronized void restart() {
    if (dataDir == null) {
      throw new IllegalStateException("broker was never started");
    }
    stop();
    launch();
  }

  /** {@code host:port} of the broker's listener, for {@code bootstrap.servers}. */
  public synchronized String bootstrapServers() {
    if (dataDir == null) {
      throw new IllegalStateException("broker was never started");
    }
    return "127.0.0.1:" + brokerPort;
  }

  /** The data directory; it holds the KRaft metadata and the topic logs. */
  public synchronized Path dataDir() {
    return dataDir;
  }

  /** The id of the cluster stored in the data directory. */
  public synchronized String clusterId() {
    return clusterId;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Shuts the broker down cleanly and deletes the data directory if it was a temporary one. */
  @Override
  public synchronized void close() {
    stop();
    if (temporaryDataDir && dataDir != null) {
      try {
        Utils.delete(dataDir.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + dataDir, e);
      }
      temporaryDataDir = false;
    }
    if (deleteOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(deleteOnExit);
      } catch (IllegalStateException exiting) {
        // Closed from another shutdown hook: the hook has nothing left to delete.
      }
      deleteOnExit = null;
    }
  }

  // The broker still runs while the JVM exits and may add a file during the walk: try again.
  private static void deleteQuietly(Path dir) {
    for (int attempt = 1; ; attempt++) {
      try {
        Utils.delete(dir.toFile());
        return;
      } catch (IOException | RuntimeException e) {
        if (attempt == 3) {
          System.err.println("impactsim: could not delete " + dir + ": " + e);
          return;
        }
      }
    }
  }

  private void launch() {
    Path logDir = dataDir.resolve("kraft");
    try {
      clusterId =
          KraftStorage.formatIfNeeded(
              logDir, BrokerProperties.NODE_ID, BrokerProperties.CONTROLLER_LISTENER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = BrokerProperties.of(brokerPort, controllerPort, logDir, overrides);
    KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    try {
      candidate.startup();
      awaitReady();
    } catch (RuntimeException e) {
      try {
        candidate.shutdown();
        candidate.awaitShutdown();
      } catch (RuntimeException shutdown) {
        e.addSuppressed(shutdown);
      }
      throw e;
    }
    server = candidate;
  }

  /** Ready means a client can talk to the cluster, not that a log line appeared. */
  private void awaitReady() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + brokerPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis()))) {
      Collection<Node> nodes =
          admin
              .describeCluster(
                  new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis()))
              .nodes()
              .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        throw new IllegalStateException("broker at 127.0.0.1:" + brokerPort + " has no live node");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "broker at 127.0.0.1:" + brokerPort + " not ready within " + READY_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }
}
