package io.impactsim.topics.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.registry.RestSchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One set of settings feeds both the Kafka clients and the registry client; each must get only the
 * properties meant for it.
 */
class KafkaSettingsTest {
  private static final Map<String, String> SECURED =
      Map.of(
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "PLAIN",
          "schema.registry.request.timeout.ms", "5000",
          "basic.auth.user.info", "impactsim:s3cret",
          "basic.auth.credentials.source", "USER_INFO");

  private final KafkaSettings settings =
      new KafkaSettings("broker-1:9092,broker-2:9092", "https://registry:8081", SECURED, "replay");

  @Test
  void kafkaClientsGetTheSecuritySettingsButNotTheRegistryOnes() {
    Properties props = settings.kafkaProperties();

    assertThat(props)
        .containsOnly(
            Map.entry("bootstrap.servers", "broker-1:9092,broker-2:9092"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "PLAIN"));
  }

  @Test
  void registryClientGetsTheRegistrySettings() {
    try (var registry = settings.schemaRegistry()) {
      assertThat(registry).isInstanceOf(RestSchemaRegistry.class);
      assertThat(((RestSchemaRegistry) registry).url()).isEqualTo("https://registry:8081");
    }
  }

  @Test
  void topicsAreInTheSettingsNamespace() {
    TopicCatalog topics = settings.topics(new InMemorySchemaRegistry());

    assertThat(topics.deals().name()).isEqualTo("replay.deals.v1");
    assertThat(settings.withTopicPrefix("whatif").topics(new InMemorySchemaRegistry()).prefix())
        .isEqualTo("whatif");
  }

  @Test
  void plainSettingsUseTheLiveNamespace() {
    KafkaSettings plain = KafkaSettings.of("localhost:9092", "http://localhost:8081");

    assertThat(plain.topicPrefix()).isEqualTo(TopicCatalog.DEFAULT_PREFIX);
    assertThat(plain.clientProperties()).isEmpty();
  }

  @Test
  void propertiesFileIsReadIntoAMap(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(
        file, "# cluster credentials\nsecurity.protocol=SSL\nbasic.auth.user.info = u:p\n");

    assertThat(KafkaSettings.readPropertiesFile(file))
        .containsOnly(
            Map.entry("security.protocol", "SSL"), Map.entry("basic.auth.user.info", "u:p"));
  }
}
