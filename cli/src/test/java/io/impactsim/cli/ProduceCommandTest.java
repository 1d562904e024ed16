package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.impactsim.sandbox.FreePorts;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@KafkaSandboxTest
class ProduceCommandTest {
  private static final String OPENAI =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-openai\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"openai\","
          + "\"name\":\"OpenAI\",\"listed\":false,\"referenceDate\":\"2025-10-27\"}";
  private static final String AMAZON =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-amazon\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"amazon\","
          + "\"name\":\"Amazon\",\"listed\":true,\"ticker\":\"AMZN\",\"referenceDate\":\"2025-10-27\","
          + "\"marketCapUsd\":2420000000000}";
  private static final String DEAL =
      "{\"formatVersion\":1,\"type\":\"deal\",\"eventId\":\"d-1\","
          + "\"occurredAt\":\"2025-11-04T12:00:00Z\",\"source\":\"test\",\"dealId\":\"d-1\","
          + "\"buyer\":\"openai\",\"provider\":\"amazon\",\"kind\":\"CLOUD_CAPACITY\","
          + "\"valueQualifier\":\"EXACT\",\"valueUsd\":5}";

  @TempDir Path dir;

  @Test
  void validateOnlyPrintsEveryProblemWithFileLineAndFieldAndExitsThree() throws IOException {
    Path file = Files.write(dir.resolve("h.jsonl"), List.of(OPENAI, DEAL.replace(":5", ":-5")));

    CommandRun run = run("produce", "--history", file.toString(), "--validate-only");

    assertThat(run.exit()).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(run.err())
        .contains(file + ":2:valueUsd: negative amount -5")
        .contains(file + ":2:provider: unknown company 'amazon'")
        .contains("2 problem(s) in the input: nothing published");
  }

  @Test
  void validateOnlyCountsAValidInput() {
    CommandRun run = run("produce", "--bundled", "--validate-only");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("valid: 14 events (deal 4, restructuring 2, earnings 1, company 7)");
  }

  @Test
  void bundledHistoryIsPublishedToTheGivenCluster(KafkaEnvironment env) {
    CommandRun run = run(env, env.uniqueName("cli"), "produce", "--bundled");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("published 14 events (deal 4, restructuring 2");
  }

  @Test
  void skipInvalidPublishesTheValidLinesAndReportsTheRest(KafkaEnvironment env) throws IOException {
    Path file = Files.write(dir.resolve("h.jsonl"), List.of(OPENAI, DEAL));

    CommandRun refused = run(env, env.uniqueName("cli"), "produce", "--history", file.toString());
    CommandRun skipped =
        run(env, env.uniqueName("cli"), "produce", "--history", file.toString(), "--skip-invalid");

    assertThat(refused.exit()).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(refused.err()).contains("--known-companies");
    assertThat(skipped.exit()).as(skipped.err()).isZero();
    assertThat(skipped.err()).contains("skipping 1 invalid line(s)");
    assertThat(skipped.out())
        .contains("published 1 events (deal 0, restructuring 0, earnings 0, company 1)");
  }

  @Test
  void companiesAlreadyOnTheClusterCountAsKnown(KafkaEnvironment env) throws IOException {
    String prefix = env.uniqueName("cli");
    Path file = Files.write(dir.resolve("deal.jsonl"), List.of(DEAL));
    assertThat(run(env, prefix, "produce", "--bundled").exit()).isZero();

    CommandRun run =
        run(env, prefix, "produce", "--history", file.toString(), "--known-companies-from-cluster");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("published 1 events (deal 1");
  }

  @Test
  void resumeFromAndAnEventTimeWindowSelectTheEventsToPublish(KafkaEnvironment env) {
    CommandRun resumed =
        run(
            env,
            env.uniqueName("cli"),
            "produce",
            "--bundled",
            "--resume-from",
            "2025-10-30-amazon-2025-q3");
    CommandRun window =
        run(
            env,
            env.uniqueName("cli"),
            "produce",
            "--bundled",
            "--from",
            "2025-10-28",
            "--to",
            "2025-10-29");

    assertThat(resumed.out()).contains("published 2 events (deal 1, restructuring 0, earnings 1");
    assertThat(window.out()).contains("published 3 events (deal 1, restructuring 2, earnings 0");
  }

  @Test
  void anUnknownResumePointFailsWithoutPublishing(KafkaEnvironment env) {
    CommandRun run =
        run(env, env.uniqueName("cli"), "produce", "--bundled", "--resume-from", "nope");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--resume-from nope: no event with this id in the input");
  }

  @Test
  @Timeout(60)
  void aDeviceAsHistoryIsRefusedAtOnceWithAClearMessage(KafkaEnvironment env) {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");

    CommandRun run = run(env, env.uniqueName("cli"), "produce", "--history", "/dev/zero");

    assertThat(run.exit()).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(run.err())
        .contains("/dev/zero:0: not a regular file (a device, FIFO or socket)")
        .contains("nothing published")
        .doesNotContain("OutOfMemoryError", "\tat ");
  }

  @Test
  void aLineThatIsNotUtf8FailsAloneAndSkipInvalidPublishesTheLinesAroundIt(KafkaEnvironment env)
      throws IOException {
    String cafe =
        OPENAI.replace("openai", "cafe").replace("OpenAI", "Caf\u00e9").replace("c-cafe", "c-2");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((OPENAI + "\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes((cafe + "\n").getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes((AMAZON + "\n").getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("latin1.jsonl"), bytes.toByteArray());

    CommandRun run =
        run(env, env.uniqueName("cli"), "produce", "--history", file.toString(), "--skip-invalid");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(file + ":2: not UTF-8: byte 0xE9 at byte ")
        .contains("skipping 1 invalid line(s)")
        .doesNotContain(":0:", "Input length");
    assertThat(run.out())
        .contains("published 2 events (deal 0, restructuring 0, earnings 0, company 2)");
  }

  @Test
  void anEventOverItsTopicsMaxMessageBytesFailsValidationAndNothingIsPublished(KafkaEnvironment env)
      throws Exception {
    String prefix = env.uniqueName("cli");
    TopicCatalog topics = TopicCatalog.create(prefix, new InMemorySchemaRegistry(), false);
    List<NewTopic> small = new ArrayList<>();
    for (Topic<String, ?> t : topics.inputs()) {
      NewTopic topic = t.newTopic(1, Optional.empty());
      if (t == topics.deals()) {
        Map<String, String> configs = new TreeMap<>(topic.configs());
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1000");
        topic.configs(configs);
      }
      small.add(topic);
    }
    try (Admin admin = Admin.create(env.settings(prefix).kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, small, Duration.ofSeconds(60));
    }
    String bigDeal =
        DEAL.replace("\"valueUsd\":5", "\"valueUsd\":5,\"notes\":\"" + "n".repeat(1500) + "\"");
    Path file = Files.write(dir.resolve("big.jsonl"), List.of(OPENAI, AMAZON, bigDeal));

    CommandRun validated =
        run(env, prefix, "produce", "--history", file.toString(), "--validate-only");
    CommandRun published = run(env, prefix, "produce", "--history", file.toString());

    assertThat(validated.exit()).as(validated.err()).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(validated.err())
        .containsPattern(
            Pattern.quote(file + ":3: record of ")
                + "1,[0-9]{3} bytes \\(key 3, value 1,[0-9]{3}\\) is over the limit of 1,000 bytes"
                + Pattern.quote(" (max.message.bytes of topic " + topics.deals().name() + ")"))
        .contains("record size limits (the cluster)");
    assertThat(published.exit()).as(published.err()).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(published.err()).contains("nothing published");
    for (Topic<String, ?> t : topics.inputs()) {
      assertThat(records(env, prefix, t.name())).as(t.name()).isZero();
    }
  }

  @Test
  void validateOnlyWithoutAClusterSaysItUsedTheDefaultLimits() throws IOException {
    Path file = Files.write(dir.resolve("h.jsonl"), List.of(OPENAI));

    CommandRun run =
        run(
            "--bootstrap-servers",
            "127.0.0.1:" + FreePorts.pick(),
            "produce",
            "--history",
            file.toString(),
            "--validate-only");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("record size limits (default: the cluster at 127.0.0.1:")
        .contains("did not answer within 3 s)")
        .contains("valid: 1 events");
  }

  /** Records on a topic: the sum of its partitions' end offsets. */
  private static long records(KafkaEnvironment env, String prefix, String topic) throws Exception {
    try (Admin admin = Admin.create(env.settings(prefix).kafkaProperties())) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(ListOffsetsResultInfo::offset)
          .sum();
    }
  }

  @Test
  void helpExplainsSourcesOptionsDefaultsAndExamples() {
    CommandRun run = run("produce", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("--history=FILE...", "--bundled", "--synthetic", "--validate-only")
        .contains("--skip-invalid", "--speed=SPEED", "(default: max)", "--resume-from=EVENT_ID")
        .contains("--partitions=N", "(default: 3)", "--replication-factor=RF", "--quiet")
        .contains("Exit codes:", "Examples:", "impactsim produce --bundled --speed 1d/s");
  }

  @Test
  void aBadSpeedIsAUsageError() {
    CommandRun run = run("produce", "--bundled", "--speed", "fast");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("invalid speed 'fast'");
  }

  private static CommandRun run(KafkaEnvironment env, String prefix, String... args) {
    List<String> all = new ArrayList<>();
    all.addAll(
        List.of(
            "--bootstrap-servers", env.bootstrapServers(),
            "--schema-registry-url", env.schemaRegistryUrl(),
            "--topic-prefix", prefix));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }
}
