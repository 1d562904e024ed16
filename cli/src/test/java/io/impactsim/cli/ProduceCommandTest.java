package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(KafkaSandboxExtension.class)
class ProduceCommandTest {
  private static final String OPENAI =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-openai\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"openai\","
          + "\"name\":\"OpenAI\",\"listed\":false,\"referenceDate\":\"2025-10-27\"}";
  private static final String DEAL =
      "{\"formatVersion\":1,\"type\":\"deal\",\"eventId\":\"d-1\","
          + "\"occurredAt\":\"2025-11-04T12:00:00Z\",\"source\":\"test\",\"dealId\":\"d-1\","
          + "\"buyer\":\"openai\",\"provider\":\"amazon\",\"kind\":\"CLOUD_CAPACITY\","
          + "\"valueQualifier\":\"EXACT\",\"valueUsd\":5}";

  @TempDir Path dir;

  @Test
  void validateOnlyPrintsEveryProblemWithFileLineAndFieldAndExitsThree() throws IOException {
    Path file = Files.write(dir.resolve("h.jsonl"), List.of(OPENAI, DEAL.replace(":5", ":-5")));

    Run run = run("produce", "--history", file.toString(), "--validate-only");

    assertThat(run.exit).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(run.err)
        .contains(file + ":2:valueUsd: negative amount -5")
        .contains(file + ":2:provider: unknown company 'amazon'")
        .contains("2 problem(s) in the input: nothing published");
  }

  @Test
  void validateOnlyCountsAValidInput() {
    Run run = run("produce", "--bundled", "--validate-only");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out)
        .contains("valid: 14 events (deal 4, restructuring 2, earnings 1, company 7)");
  }

  @Test
  void bundledHistoryIsPublishedToTheGivenCluster(KafkaEnvironment env) {
    Run run = run(env, env.uniqueName("cli"), "produce", "--bundled");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).contains("published 14 events (deal 4, restructuring 2");
  }

  @Test
  void skipInvalidPublishesTheValidLinesAndReportsTheRest(KafkaEnvironment env) throws IOException {
    Path file = Files.write(dir.resolve("h.jsonl"), List.of(OPENAI, DEAL));

    Run refused = run(env, env.uniqueName("cli"), "produce", "--history", file.toString());
    Run skipped =
        run(env, env.uniqueName("cli"), "produce", "--history", file.toString(), "--skip-invalid");

    assertThat(refused.exit).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(refused.err).contains("--known-companies");
    assertThat(skipped.exit).as(skipped.err).isZero();
    assertThat(skipped.err).contains("skipping 1 invalid line(s)");
    assertThat(skipped.out)
        .contains("published 1 events (deal 0, restructuring 0, earnings 0, company 1)");
  }

  @Test
  void companiesAlreadyOnTheClusterCountAsKnown(KafkaEnvironment env) throws IOException {
    String prefix = env.uniqueName("cli");
    Path file = Files.write(dir.resolve("deal.jsonl"), List.of(DEAL));
    assertThat(run(env, prefix, "produce", "--bundled").exit).isZero();

    Run run =
        run(env, prefix, "produce", "--history", file.toString(), "--known-companies-from-cluster");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).contains("published 1 events (deal 1");
  }

  @Test
  void resumeFromAndAnEventTimeWindowSelectTheEventsToPublish(KafkaEnvironment env) {
    Run resumed =
        run(
            env,
            env.uniqueName("cli"),
            "produce",
            "--bundled",
            "--resume-from",
            "2025-10-30-amazon-2025-q3");
    Run window =
        run(
            env,
            env.uniqueName("cli"),
            "produce",
            "--bundled",
            "--from",
            "2025-10-28",
            "--to",
            "2025-10-29");

    assertThat(resumed.out).contains("published 2 events (deal 1, restructuring 0, earnings 1");
    assertThat(window.out).contains("published 3 events (deal 1, restructuring 2, earnings 0");
  }

  @Test
  void anUnknownResumePointFailsWithoutPublishing(KafkaEnvironment env) {
    Run run = run(env, env.uniqueName("cli"), "produce", "--bundled", "--resume-from", "nope");

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("--resume-from nope: no event with this id in the input");
  }

  @Test
  void helpExplainsSourcesOptionsDefaultsAndExamples() {
    Run run = run("produce", "--help");

    assertThat(run.exit).isZero();
    assertThat(run.out)
        .contains("--history=FILE...", "--bundled", "--synthetic", "--validate-only")
        .contains("--skip-invalid", "--speed=SPEED", "(default: max)", "--resume-from=EVENT_ID")
        .contains("--partitions=N", "(default: 3)", "--replication-factor=RF", "--quiet")
        .contains("Exit codes:", "Examples:", "impactsim produce --bundled --speed 1d/s");
  }

  @Test
  void aBadSpeedIsAUsageError() {
    Run run = run("produce", "--bundled", "--speed", "fast");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("invalid speed 'fast'");
  }

  private static Run run(KafkaEnvironment env, String prefix, String... args) {
    List<String> all = new ArrayList<>();
    all.addAll(
        List.of(
            "--bootstrap-servers", env.bootstrapServers(),
            "--schema-registry-url", env.schemaRegistryUrl(),
            "--topic-prefix", prefix));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Impactsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
