package io.impactsim.sandbox.junit;

import io.impactsim.sandbox.registry.SandboxSchemaRegistry;
import io.impactsim.schemas.registry.CompatibilityLevel;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A broker in a Docker container (the official apache/kafka image) with the sandbox registry in the
 * test JVM. Only this class touches Testcontainers, so the other modes run without Docker.
 */
final class TestcontainersEnvironment extends SharedEnvironment {
  static final String IMAGE = "apache/kafka:4.1.0";

  private final KafkaContainer kafka;
  private final SandboxSchemaRegistry registry;

  private TestcontainersEnvironment(KafkaContainer kafka, SandboxSchemaRegistry registry) {
    super(Map.of());
    this.kafka = kafka;
    this.registry = registry;
  }

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static TestcontainersEnvironment start() {
    KafkaContainer kafka =
        new KafkaContainer(IMAGE)
            // Same broker behaviour as the in-process sandbox.
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
    kafka.start();
    try {
      SandboxSchemaRegistry registry =
          new SandboxSchemaRegistry(
                  Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()),
                  0,
                  CompatibilityLevel.BACKWARD)
              .start();
      return new TestcontainersEnvironment(kafka, registry);
    } catch (RuntimeException e) {
      kafka.stop();
      throw e;
    }
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return registry.url();
  }

  @Override
  void closeResources() {
    try {
      registry.close();
    } finally {
      kafka.stop();
    }
  }

  @Override
  public String toString() {
    return "Testcontainers " + IMAGE + " at " + bootstrapServers();
  }
}
