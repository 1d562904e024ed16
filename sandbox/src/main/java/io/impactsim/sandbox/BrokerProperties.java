package io.impactsim.sandbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server configuration of a single combined broker and controller on 127.0.0.1, sized for a
 * laptop: one replica of everything, no auto-created topics, no rebalance delay.
 */
final class BrokerProperties {
  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final String SASL_LISTENER = "SASL_PLAINTEXT";
  static final String SASL_SSL_LISTENER = "SASL_SSL";

  /**
   * Not a Kafka setting: an override under this key names a listener ({@code NAME://host:port},
   * named after its security protocol) to open next to the PLAINTEXT and controller ones. The
   * overrides are fixed before the broker picks its own ports, so they cannot restate {@code
   * listeners} whole.
   */
  static final String ADDITIONAL_LISTENER = "impactsim.sandbox.additional.listener";

  private BrokerProperties() {}

  /**
   * Overrides that open a SASL listener on {@code port} accepting {@code user} with the PLAIN
   * mechanism: SASL_SSL with the key store if there is one, SASL_PLAINTEXT otherwise. Brokers talk
   * to each other over PLAINTEXT, so only this listener asks clients to authenticate; there is no
   * authorizer, so an authenticated user may do everything.
   */
  static Map<String, String> saslPlainListener(
      int port, SandboxOptions.SaslUser user, Optional<SandboxOptions.KeyStore> tls) {
    String name = tls.isPresent() ? SASL_SSL_LISTENER : SASL_LISTENER;
    String prefix = "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
    Map<String, String> p = new HashMap<>();
    p.put(ADDITIONAL_LISTENER, name + "://127.0.0.1:" + port);
    p.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
    p.put(
        prefix + "plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
            + user.name()
            + "=\""
            + user.password()
            + "\";");
    tls.ifPresent(
        keyStore -> {
          p.put(prefix + "ssl.keystore.type", "PKCS12");
          p.put(prefix + "ssl.keystore.location", keyStore.path().toString());
          p.put(prefix + "ssl.keystore.password", keyStore.password());
          p.put(prefix + "ssl.key.password", keyStore.password());
        });
    return p;
  }

  static Map<String, String> of(
      int brokerPort, int controllerPort, Path logDir, Map<String, String> overrides) {
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    putListeners(p, brokerPort, controllerPort, overrides.get(ADDITIONAL_LISTENER));
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());

    // One node: every internal topic has one replica, and exactly-once needs a min ISR of 1.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");

    // Tests create their topics explicitly and must not wait for group rebalances.
    p.put("auto.create.topics.enable", "false");
    p.put("group.initial.rebalance.delay.ms", "0");

    // Small files and buffers: the sandbox holds little data and shares the machine.
    p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
    p.put("offsets.topic.segment.bytes", String.valueOf(16 * 1024 * 1024));
    p.put("transaction.state.log.segment.bytes", String.valueOf(16 * 1024 * 1024));
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.putAll(overrides);
    p.remove(ADDITIONAL_LISTENER);
    return p;
  }

  /** Clients reach PLAINTEXT (and the additional listener, if any); the controller stays apart. */
  private static void putListeners(
      Map<String, String> p, int brokerPort, int controllerPort, String additional) {
    String advertised = "PLAINTEXT://127.0.0.1:" + brokerPort;
    String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
    if (additional != null) {
      String name = additional.substring(0, additional.indexOf("://"));
      advertised += "," + additional;
      protocols += "," + name + ":" + name;
    }
    p.put("listeners", advertised + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", advertised);
    p.put("listener.security.protocol.map", protocols);
  }
}
