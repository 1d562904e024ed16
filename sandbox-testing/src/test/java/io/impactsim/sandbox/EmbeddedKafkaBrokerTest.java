package io.impactsim.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.IntegrationTest;
import io.impactsim.topics.TopicAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class EmbeddedKafkaBrokerTest {

  @Test
  void recordsProducedAreConsumedBack() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().start()) {
      Map<String, Object> client = client(broker);
      createTopic(client, "greetings");

      Records.produce(client, "greetings", Map.of("en", "hello", "fr", "bonjour"));

      assertThat(Records.consume(client, "greetings", 2))
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("en", "hello"),
              org.assertj.core.groups.Tuple.tuple("fr", "bonjour"));
    }
  }

  @Test
  void aJvmThatExitsWithoutClosingDeletesTheTemporaryDataDir(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("child.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ExitWithoutClose.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean exited = child.waitFor(90, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(exited).as("child exited; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit status; output:%n%s", output).isZero();

    Optional<Path> dataDir =
        output
            .lines()
            .filter(l -> l.startsWith("data-dir="))
            .map(l -> Path.of(l.substring("data-dir=".length())))
            .findFirst();
    assertThat(dataDir).as("data directory printed; output:%n%s", output).isPresent();
    assertThat(dataDir.get().getFileName().toString()).startsWith("impactsim-kafka-");
    assertThat(dataDir.get()).doesNotExist();
  }

  @Test
  void restartOnTheSameDataDirKeepsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
    Map<String, String> written = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      written.put("k" + i, "v" + i);
    }
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().start(dataDir)) {
      // Given a topic with records
      createTopic(client(broker), "kept");
      Records.produce(client(broker), "kept", written);
      String bootstrap = broker.bootstrapServers();

      // When the broker restarts in place
      broker.restart();

      // Then it answers on the same address with the same records
      assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
      assertThat(values(Records.consume(client(broker), "kept", 10))).isEqualTo(written);
    }
  }

  @Test
  void aNewBrokerOnAnExistingDataDirFindsTheCluster(@TempDir Path dataDir) throws Exception {
    String clusterId;
    try (EmbeddedKafkaBroker first = new EmbeddedKafkaBroker().start(dataDir)) {
      createTopic(client(first), "durable");
      Records.produce(client(first), "durable", Map.of("a", "1"));
      clusterId = first.clusterId();
    }

    try (EmbeddedKafkaBroker second = new EmbeddedKafkaBroker().start(dataDir)) {
      assertThat(second.clusterId()).isEqualTo(clusterId);
      try (Admin admin = Admin.create(client(second))) {
        assertThat(admin.listTopics().names().get()).contains("durable");
      }
      assertThat(values(Records.consume(client(second), "durable", 1))).containsEntry("a", "1");
    }
    assertThat(dataDir.resolve("kraft/meta.properties")).exists();
  }

  private static Map<String, Object> client(EmbeddedKafkaBroker broker) {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
  }

  private static void createTopic(Map<String, Object> client, String name) throws Exception {
    try (Admin admin = Admin.create(client)) {
      TopicAdmin.ensureTopics(
          admin,
          List.of(new NewTopic(name, Optional.of(1), Optional.empty())),
          Duration.ofSeconds(30));
    }
  }

  private static Map<String, String> values(List<ConsumerRecord<String, String>> records) {
    Map<String, String> out = new LinkedHashMap<>();
    records.forEach(r -> out.put(r.key(), r.value()));
    return out;
  }
}
