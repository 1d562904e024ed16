package io.impactsim.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentChooserTest {

  @Test
  void anExternalClusterTakesItsSecuritySettingsFromTheClientConfigFile(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("client.properties");
    Files.writeString(config, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
    Map<String, String> settings =
        Map.of(
            EnvironmentChooser.BOOTSTRAP_SERVERS, "kafka-1:9093",
            EnvironmentChooser.SCHEMA_REGISTRY_URL, "https://registry:8081",
            EnvironmentChooser.CLIENT_CONFIG, config.toString());

    try (SharedEnvironment env = new EnvironmentChooser(settings::get).start()) {
      assertThat(env).isInstanceOf(ExternalEnvironment.class);
      assertThat(env.schemaRegistryUrl()).isEqualTo("https://registry:8081");
      assertThat(env.clientProperties())
          .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9093")
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "PLAIN");
    }
  }

  @Test
  void anExternalClusterWithoutARegistryIsRefused() {
    Map<String, String> settings = Map.of(EnvironmentChooser.BOOTSTRAP_SERVERS, "kafka-1:9093");

    assertThatThrownBy(() -> new EnvironmentChooser(settings::get).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(EnvironmentChooser.SCHEMA_REGISTRY_URL);
  }

  @Test
  void aMissingClientConfigFileIsNamedInTheError(@TempDir Path dir) {
    Path missing = dir.resolve("absent.properties");
    Map<String, String> settings =
        Map.of(
            EnvironmentChooser.BOOTSTRAP_SERVERS, "kafka-1:9093",
            EnvironmentChooser.SCHEMA_REGISTRY_URL, "http://registry:8081",
            EnvironmentChooser.CLIENT_CONFIG, missing.toString());

    assertThatThrownBy(() -> new EnvironmentChooser(settings::get).start())
        .hasMessageContaining(missing.toString());
  }
}
