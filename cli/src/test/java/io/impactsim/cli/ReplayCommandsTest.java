package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.CloseOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** reset, rebuild, replay and whatif from the command line, on the bundled history. */
@KafkaSandboxTest
class ReplayCommandsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path stateDir;

  private static KafkaEnvironment env;
  private static String prefix;

  @BeforeAll
  static void publishAndBuildTheLiveViews(KafkaEnvironment environment) throws Exception {
    env = environment;
    prefix = env.uniqueName("cli-replay");
    KafkaSettings settings = env.settings(prefix);
    List<InputEvent> history = BundledHistory.load();
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      publisher.publish(history);
    }
    try (ImpactsimStreams app =
        new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir))) {
      app.start(TIMEOUT);
      app.awaitCaughtUp(TIMEOUT);
      app.streams()
          .close(
              CloseOptions.groupMembershipOperation(
                  CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }

  @Test
  void resetDryRunPrintsThePlanAndChangesNothing() {
    Run run = run("reset", "--dry-run");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out)
        .contains("Dry run: a reset of '" + prefix + "-views' would:")
        .contains("Delete consumer group " + prefix + "-views")
        .contains("Delete internal topic " + prefix + "-views-")
        .contains("Empty output topic " + prefix + ".capex.v1");
    assertThat(run("rebuild").exit).isZero();
  }

  @Test
  void rebuildReportsEveryViewEqual() {
    Run run = run("rebuild");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out)
        .contains("Replayed 14 events")
        .containsPattern("capex\\s+EQUAL")
        .contains("The rebuilt views equal the live ones.");
  }

  @Test
  void replayAsOfPrintsTheViewsWithoutLaterEvents() {
    Run run = run("replay", "--as-of", "2025-10-31T00:00Z", "--view", "reactions,market-share");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out)
        .contains("The views as of 2025-10-31T00:00:00Z")
        .contains("2025-10-28")
        .doesNotContain("2025-11-03");
    // Periods where nothing was counted are not printed as empty tables, only counted.
    assertThat(run.out)
        .contains(
            "Market share of committed compute spend: ai-compute-cloud (2025-Q3), total $300.0B")
        .containsPattern("\n\\d+ segment period\\(s\\) with nothing counted not shown\\.")
        .doesNotContain("total $0;");
  }

  @Test
  void whatIfPrintsTheDifferencesAndTheBranchIsListedUntilDeleted() {
    Run run =
        run(
            "whatif",
            "--name",
            "aws-20b",
            "--amend",
            "2025-11-03-openai-aws-38b",
            "valueUsd=20000000000",
            "--view",
            "capex");

    assertThat(run.exit).as(run.err).isZero();
    // One row per figure, in money, with the change: openai commits $18.0B less, Amazon's backlog
    // falls from $38.0B to $20.0B.
    assertThat(run.out)
        .containsPattern(
            "\\| capex +\\| openai +\\| committed as buyer +\\| +\\$338\\.0B \\| +\\$320\\.0B"
                + " \\| +-\\$18\\.0B \\| +-5\\.3% \\|")
        .containsPattern(
            "\\| capex +\\| amazon +\\| backlog as provider +\\| +\\$38\\.0B \\| +\\$20\\.0B"
                + " \\| +-\\$18\\.0B \\| +-47\\.4% \\|")
        .doesNotContain("committedAsBuyerUsd")
        .doesNotContain("market-cap ");
    Run fields =
        run(
            "whatif",
            "--name",
            "aws-20b",
            "--amend",
            "2025-11-03-openai-aws-38b",
            "valueUsd=20000000000",
            "--view",
            "capex",
            "--fields");
    assertThat(fields.exit).as(fields.err).isZero();
    assertThat(fields.out).contains("committedAsBuyerUsd", "338000000000", "320000000000");
    assertThat(run("whatif", "--list").out).contains("aws-20b");
    assertThat(run("whatif", "--delete", "aws-20b").out).contains("Deleted branch aws-20b");
    assertThat(run("whatif", "--list").out).doesNotContain("aws-20b");
  }

  @Test
  void whatIfWithAnAddedDealCountsItInTheBuyersCommitments() throws Exception {
    Path file =
        Files.writeString(
            stateDir.resolve("extra-deal.jsonl"),
            "{\"formatVersion\":1,\"type\":\"deal\",\"eventId\":\"d-extra\","
                + "\"occurredAt\":\"2025-11-04T12:00:00Z\",\"source\":\"test\","
                + "\"dealId\":\"d-extra\",\"buyer\":\"openai\",\"provider\":\"amazon\","
                + "\"kind\":\"CLOUD_CAPACITY\",\"valueQualifier\":\"EXACT\","
                + "\"valueUsd\":5000000000}\n");

    Run run = run("whatif", "--name", "extra", "--add", file.toString(), "--view", "capex");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out)
        .contains("(0 left out, 0 amended, 1 added)")
        .containsPattern(
            "\\| openai +\\| committed as buyer +\\| +\\$338\\.0B \\| +\\$343\\.0B \\|")
        .containsPattern("\\| openai +\\| deals +\\| +\\d+ \\| +\\d+ \\| +\\+1 \\|");
  }

  @Test
  void whatIfNamingAnUnknownEventFailsWithAClearMessage() {
    Run run = run("whatif", "--name", "typo", "--remove", "2025-13-01-nothing");

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("no event with id [2025-13-01-nothing] in the log");
  }

  private static Run run(String... args) {
    List<String> all = new ArrayList<>();
    all.addAll(
        List.of(
            "--bootstrap-servers", env.bootstrapServers(),
            "--schema-registry-url", env.schemaRegistryUrl(),
            "--topic-prefix", prefix));
    all.addAll(List.of(args));
    all.addAll(List.of("--state-dir", stateDir.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Impactsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
