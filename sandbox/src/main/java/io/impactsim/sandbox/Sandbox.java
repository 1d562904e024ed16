package io.impactsim.sandbox;

import io.impactsim.sandbox.registry.SandboxSchemaRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * A Kafka broker and a schema registry stored on it, both in this JVM: what the demo, the {@code
 * impactsim sandbox} command and the integration tests run against.
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxOptions options;
  private final EmbeddedKafkaBroker broker;
  private final int saslPort;
  private SandboxSchemaRegistry registry;

  private Sandbox(SandboxOptions options) {
    this.options = options;
    if (options.saslPlainUser().isEmpty()) {
      this.saslPort = 0;
      this.broker = new EmbeddedKafkaBroker(options.brokerPort(), Map.of());
    } else {
      // Both ports picked together, so the SASL listener cannot be handed the broker's port.
      List<Integer> free = FreePorts.pick(2);
      int brokerPort = options.brokerPort() != 0 ? options.brokerPort() : free.get(0);
      this.saslPort = free.get(1);
      this.broker =
          new EmbeddedKafkaBroker(
              brokerPort,
              BrokerProperties.saslPlainListener(
                  saslPort, options.saslPlainUser().get(), options.tls()));
    }
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

  /**
   * {@code host:port} of the SASL listener (SASL_PLAINTEXT, or SASL_SSL with {@link
   * SandboxOptions#tls()}), if {@link SandboxOptions#saslPlainUser()} opened one; clients there
   * must authenticate with SASL/PLAIN.
   */
  public Optional<String> saslBootstrapServers() {
    return options.saslPlainUser().map(u -> "127.0.0.1:" + saslPort);
  }

  /**
   * The client settings, bootstrap servers aside, that authenticate as {@code name} with {@code
   * password} on the SASL_PLAINTEXT listener; a wrong password is refused there.
   */
  public static Map<String, String> saslPlainClientSettings(String name, String password) {
    SandboxOptions.SaslUser user = new SandboxOptions.SaslUser(name, password);
    return Map.of(
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
        BrokerProperties.SASL_LISTENER,
        SaslConfigs.SASL_MECHANISM,
        "PLAIN",
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + user.name()
            + "\" password=\""
            + user.password()
            + "\";");
  }

  /**
   * The client settings, bootstrap servers aside, that authenticate as {@code name} with {@code
   * password} on the SASL_SSL listener, trusting the certificates of a PKCS12 trust store (such as
   * {@link SelfSignedTls#trustStore()}); the broker's host name is verified against its
   * certificate.
   */
  public static Map<String, String> saslSslClientSettings(
      String name, String password, Path trustStore, String trustStorePassword) {
    Map<String, String> settings = new HashMap<>(saslPlainClientSettings(name, password));
    settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, BrokerProperties.SASL_SSL_LISTENER);
    settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toString());
    settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, trustStorePassword);
    return Map.copyOf(settings);
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
