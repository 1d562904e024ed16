package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.ViewReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every topic the application reads and writes, read by clients impactsim did not write: Python's
 * confluent-kafka (librdkafka) with its Schema Registry client and Apache Avro for Python, from
 * Debian's packages ({@code .ci/run} installs them), through clients/python/read_topics.py. Every
 * record must decode, and each topic must hold as many records as impactsim's own reader sees.
 */
@KafkaSandboxTest
class ForeignClientReadTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Path SCRIPT = Path.of("..", "clients", "python", "read_topics.py");
  private static final String PACKAGES = "python3-confluent-kafka python3-avro python3-requests";
  private static String python;

  @TempDir Path stateDir;

  @BeforeAll
  static void findPython() throws Exception {
    String configured = System.getenv("IMPACTSIM_PYTHON");
    python = configured == null || configured.isBlank() ? "/usr/bin/python3" : configured;
    Run check = run(List.of(python, "-c", "import confluent_kafka, avro.io, requests"));
    if (check.exitCode() != 0) {
      String reason =
          python
              + " cannot import confluent_kafka, avro and requests; install them with `apt-get"
              + " install "
              + PACKAGES
              + "` (as .ci/run does) or point IMPACTSIM_PYTHON at a Python that has them:\n"
              + check.output();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason);
      }
      Assumptions.abort(reason);
    }
  }

  @Test
  void everyRecordOfEveryTopicDecodesWithPythonsConfluentKafkaAndAvro(KafkaEnvironment env)
      throws Exception {
    // Given the bundled history run through the application
    KafkaSettings settings = env.settings(env.uniqueName("foreign"));
    List<Topic<String, ? extends SpecificRecord>> topics = new ArrayList<>();
    try (ImpactsimStreams app =
        new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir))) {
      List<InputEvent> history = BundledHistory.load();
      List<InputEvent> profiles =
          history.stream().filter(e -> e.type() == EventType.COMPANY).toList();
      publish(settings, profiles);
      app.start(TIMEOUT);
      long companies = profiles.stream().map(InputEvent::key).distinct().count();
      await().atMost(TIMEOUT).until(() -> app.companiesHeld() == companies);
      publish(settings, history.stream().filter(e -> e.type() != EventType.COMPANY).toList());
      app.awaitCaughtUp(TIMEOUT);
      topics.addAll(app.topics().inputs());
      topics.addAll(app.topics().views());
    }
    // Keys, not records: the log cleaner may compact a view topic between the two reads.
    Map<String, Long> javaCounts = new LinkedHashMap<>();
    for (Topic<String, ? extends SpecificRecord> topic : topics) {
      Set<String> keys = new HashSet<>();
      ViewReader.scan(settings, topic, TIMEOUT, (partition, key, value) -> keys.add(key));
      javaCounts.put(topic.name(), (long) keys.size());
    }

    // When the Python client reads every topic from its beginning
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            python,
            SCRIPT.toString(),
            "--bootstrap-servers",
            settings.bootstrapServers(),
            "--schema-registry-url",
            settings.schemaRegistryUrl()));
    command.addAll(javaCounts.keySet());
    Run read = run(command);

    // Then every record decoded, and it saw what impactsim's own reader saw
    System.out.println("read_topics.py: " + read.stdout());
    assertThat(read.exitCode()).as(read.output()).isZero();
    JsonNode result = new ObjectMapper().readTree(read.stdout()).path("topics");
    for (Map.Entry<String, Long> expected : javaCounts.entrySet()) {
      JsonNode topic = result.path(expected.getKey());
      assertThat(expected.getValue()).as(expected.getKey()).isPositive();
      assertThat(topic.path("keys").asLong()).as(read.output()).isEqualTo(expected.getValue());
      assertThat(topic.path("records").asLong()).as(read.output()).isPositive();
      assertThat(topic.path("failed").asLong()).as(read.output()).isZero();
      assertThat(topic.path("decoded").asLong() + topic.path("tombstones").asLong())
          .as(read.output())
          .isEqualTo(topic.path("records").asLong());
      assertThat(topic.path("schemaIds")).as(read.output()).isNotEmpty();
    }
  }

  private static void publish(KafkaSettings settings, List<InputEvent> events) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      assertThat(publisher.publish(events).total()).isEqualTo(events.size());
    }
  }

  private record Run(int exitCode, String stdout, String stderr) {
    String output() {
      return stdout + (stderr.isBlank() ? "" : "\n" + stderr);
    }
  }

  /** Runs a command to its end, keeping its standard output and error apart. */
  private static Run run(List<String> command) throws IOException, InterruptedException {
    Path errors = Path.of("target", "read-topics-" + System.nanoTime() + ".err").toAbsolutePath();
    Files.createDirectories(errors.getParent());
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    } catch (IOException e) {
      return new Run(127, "", command.get(0) + ": " + e.getMessage());
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("`" + String.join(" ", command) + "` did not finish in " + TIMEOUT + ":\n" + output);
    }
    String stderr = Files.readString(errors);
    Files.delete(errors);
    return new Run(process.exitValue(), output, stderr);
  }
}
