package io.impactsim.sandbox;

import io.impactsim.sandbox.registry.SandboxSchemaRegistry;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A Kafka broker and a schema registry stored on it, both in this JVM: what the demo, the {@code
 * impactsim sandbox} command and the integration tests run against.
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxOptions options;
  private final EmbeddedKafkaBroker broker;
  private SandboxSchemaRegistry registry;

  private Sandbox(SandboxOptions options) {
    this.options = options;
    this.broker = new EmbeddedKafkaBroker(options.brokerPort(), Map.of());
  }

  /** Starts the broker, then the registry; returns once both serve requests. */
  public static Sandbox start(SandboxOptions options) {
    Sandbox sandbox = new Sandbox(options);
    try {
      if (options.dataDir().isPresent()) {
        sandbox.broker.start(options.dataDir().get());
      } else {
        sandbox.broker.start();
      }
      sandbox.startRegistry(options.registryPort());
    } catch (RuntimeException e) {
      try {
        sandbox.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return sandbox;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public synchronized String schemaRegistryUrl() {
    if (registry == null) {
      throw new IllegalStateException("schema registry not running");
    }
    return registry.url();
  }

  /** Properties every Kafka client needs to reach the sandbox's broker. */
  public Map<String, Object> clientProperties() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /** The broker, for tests that stop and restart it. */
  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  /**
   * Stops the registry and the broker and starts both again on the same data directory and ports;
   * the registry rebuilds its state from the broker.
   */
  public synchronized void restart() {
    int registryPort = registry != null ? registry.port() : options.registryPort();
    stopRegistry();
    broker.restart();
    startRegistry(registryPort);
  }

  @Override
  public synchronized void close() {
    try {
      stopRegistry();
    } finally {
      broker.close();
    }
  }

  private void startRegistry(int port) {
    registry =
        new SandboxSchemaRegistry(clientProperties(), port, options.defaultCompatibility()).start();
  }

  private void stopRegistry() {
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }
}
