package io.impactsim.cli;

import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.config.KafkaSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What running a compose service's command against the test cluster changes, and its input. */
final class DockerStackSandbox {
  private DockerStackSandbox() {}

  /**
   * The environment that differs from the compose service when its command runs here: the test
   * cluster, its own topic namespace, state directory and a free HTTP port. Everything else stays
   * as compose sets it.
   */
  static Map<String, String> whereThisTestRuns(
      KafkaEnvironment kafka, String prefix, int port, Path dir) throws IOException {
    Map<String, String> env = new TreeMap<>();
    env.put("IMPACTSIM_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("IMPACTSIM_SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
    env.put("IMPACTSIM_TOPIC_PREFIX", prefix);
    env.put("IMPACTSIM_STATE_DIR", Files.createDirectories(dir.resolve("state")).toString());
    env.put("IMPACTSIM_HTTP_PORT", Integer.toString(port));
    Properties security = new Properties();
    kafka.clientProperties().forEach((k, v) -> security.put(k, String.valueOf(v)));
    security.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    if (!security.isEmpty()) {
      Path file = dir.resolve("client.properties");
      try (Writer out = Files.newBufferedWriter(file)) {
        security.store(out, null);
      }
      env.put("IMPACTSIM_CONFIG", file.toString());
    }
    return env;
  }

  /**
   * Publishes the bundled history, as the stack's producer service does, and one record no view can
   * decode: the dead-letter counter exists only once a record has been rejected.
   */
  static void publishHistoryAndOneUndecodableRecord(KafkaSettings settings) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults());
        KafkaProducer<byte[], byte[]> raw =
            new KafkaProducer<>(
                settings.kafkaProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      publisher.publish(BundledHistory.load());
      String deals = settings.topics(registry).deals().name();
      raw.send(new ProducerRecord<>(deals, "undecodable".getBytes(), new byte[] {1, 2, 3}))
          .get(30, TimeUnit.SECONDS);
    }
  }
}
