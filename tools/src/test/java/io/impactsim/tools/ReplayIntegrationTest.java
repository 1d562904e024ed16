package io.impactsim.tools;

import static io.impactsim.tools.LiveHistory.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.read.Difference;
import io.impactsim.views.read.ViewComparison;
import io.impactsim.views.read.ViewReader;
import io.impactsim.views.read.ViewSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds, as-of replays and what-if branches of the bundled history on a real broker. */
@KafkaSandboxTest
class ReplayIntegrationTest {
  private static final String AWS_DEAL = "2025-11-03-openai-aws-38b";

  @TempDir static Path stateDir;

  private static LiveHistory live;

  @BeforeAll
  static void publishHistory(KafkaEnvironment env) throws Exception {
    live = LiveHistory.publish(env, "replay", stateDir);
  }

  @Test
  void rebuildGivesViewsEqualToTheLiveOnes() throws Exception {
    Namespace rebuild = live.namespace(Namespace.REBUILD, "current");

    ReplayReport report = Replay.run(rebuild, EventEdits.NONE, ReplayListener.NONE, TIMEOUT);

    assertThat(report.copy().read()).isEqualTo(report.copy().written()).isPositive();
    ViewComparison comparison =
        ViewComparison.of(live.views(), ViewSet.read(rebuild.settings(), TIMEOUT));
    assertThat(comparison.differences()).isEmpty();
    assertThat(comparison.digests().values()).allMatch(ViewComparison.Digests::equal);
    assertThat(ViewSet.read(live.settings(), TIMEOUT)).isEqualTo(live.views());
  }

  @Test
  void asOfReplayLeavesOutEventsAfterTheCutOff() throws Exception {
    Namespace asOf = live.namespace(Namespace.AS_OF, "20251031T0000Z");

    ReplayReport report =
        Replay.run(
            asOf,
            EventEdits.asOf(Instant.parse("2025-10-31T00:00:00Z")),
            ReplayListener.NONE,
            TIMEOUT);

    assertThat(report.copy().left()).isPositive();
    ViewSet views = ViewSet.read(asOf.settings(), TIMEOUT);
    assertThat(live.views().reactions()).containsKey(AWS_DEAL);
    assertThat(views.reactions()).doesNotContainKey(AWS_DEAL);
    assertThat(views.capex().get("openai").getCommittedAsBuyerUsd())
        .isEqualTo(live.views().capex().get("openai").getCommittedAsBuyerUsd() - 38_000_000_000L);
    assertThat(ViewSet.read(live.settings(), TIMEOUT)).isEqualTo(live.views());
  }

  @Test
  void whatIfBranchDiffersExactlyWhereTheAmendedDealReaches() throws Exception {
    Namespace branch = live.namespace(Namespace.WHAT_IF, "aws-20b");
    EventEdits edits =
        new EventEdits(
            Optional.empty(),
            Set.of(),
            Map.of(AWS_DEAL, List.of(Amendment.parse("valueUsd=20000000000"))),
            List.of());

    ReplayReport report = Replay.run(branch, edits, ReplayListener.NONE, TIMEOUT);

    assertThat(report.copy().amended()).isEqualTo(1);
    ViewComparison diff = ViewComparison.of(live.views(), ViewSet.read(branch.settings(), TIMEOUT));
    assertThat(diff.differences())
        .extracting(d -> d.view() + " " + d.key())
        .containsOnly(
            "market-share ai-compute-cloud|2025-Q4",
            "market-share ai-compute-cloud|ALL",
            "capex amazon",
            "capex openai",
            "reactions " + AWS_DEAL,
            "market-cap alphabet",
            "market-cap amazon",
            "market-cap microsoft",
            "market-cap nvidia",
            "market-cap oracle");
    assertThat(diff.differences())
        .contains(
            new Difference(
                "market-share",
                "ai-compute-cloud|ALL",
                "totalCommittedUsd",
                "338000000000",
                "320000000000"),
            new Difference(
                "capex", "openai", "committedAsBuyerUsd", "338000000000", "320000000000"),
            new Difference(
                "capex", "amazon", "backlogAsProviderUsd", "38000000000", "20000000000"));
  }

  /**
   * Two replays of one log write the same views: the latest record of every key of every view topic
   * is the same bytes, whatever the timing of each run (the records in between may differ).
   */
  @Test
  void twoReplaysOfTheSameLogWriteIdenticalLatestRecords(KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("determinism"));
    List<InputEvent> market = new ArrayList<>();
    new SyntheticMarket(SyntheticConfig.of(400, 20, 11)).forEach(market::add);
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      assertThat(publisher.publish(market).total()).isEqualTo(market.size());
    }
    StreamsOptions options = StreamsOptions.defaults().withStateDir(stateDir);
    Namespace first = Namespace.of(settings, options, Namespace.REBUILD, "first");
    Namespace second = Namespace.of(settings, options, Namespace.REBUILD, "second");

    Replay.run(first, EventEdits.NONE, ReplayListener.NONE, TIMEOUT);
    Replay.run(second, EventEdits.NONE, ReplayListener.NONE, TIMEOUT);

    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog a = TopicCatalog.create(first.prefix(), registry, false);
      TopicCatalog b = TopicCatalog.create(second.prefix(), registry, false);
      for (int i = 0; i < a.views().size(); i++) {
        Map<String, ByteBuffer> left = latestBytes(settings, a.views().get(i).name());
        Map<String, ByteBuffer> right = latestBytes(settings, b.views().get(i).name());
        assertThat(left).as(a.views().get(i).name()).isNotEmpty().isEqualTo(right);
      }
    }
  }

  private static Map<String, ByteBuffer> latestBytes(KafkaSettings settings, String topic)
      throws Exception {
    Map<String, ByteBuffer> latest = new TreeMap<>();
    ViewReader.scanRaw(
        settings,
        topic,
        TIMEOUT,
        r -> {
          String key = new String(r.key(), StandardCharsets.UTF_8);
          if (r.value() == null) {
            latest.remove(key);
          } else {
            latest.put(key, ByteBuffer.wrap(r.value()));
          }
        });
    return latest;
  }

  @Test
  void whatIfBranchesAreListedUntilDeleted() throws Exception {
    Namespace branch = live.namespace(Namespace.WHAT_IF, "kept-rofr");
    Replay.run(
        branch,
        new EventEdits(
            Optional.empty(), Set.of("2025-10-28-openai-rofr-removed"), Map.of(), List.of()),
        ReplayListener.NONE,
        TIMEOUT);
    assertThat(Namespaces.list(live.settings(), Namespace.WHAT_IF, TIMEOUT)).contains("kept-rofr");

    List<String> deleted = Namespaces.delete(branch, TIMEOUT);

    assertThat(deleted).anyMatch(d -> d.startsWith("topic " + branch.prefix() + "."));
    assertThat(deleted).anyMatch(d -> d.startsWith("local state"));
    assertThat(Namespaces.list(live.settings(), Namespace.WHAT_IF, TIMEOUT))
        .doesNotContain("kept-rofr");
  }

  @Test
  void replayNamingAnEventNotInTheLogFails() {
    Namespace branch = live.namespace(Namespace.WHAT_IF, "unknown");
    EventEdits edits =
        new EventEdits(Optional.empty(), Set.of("no-such-event"), Map.of(), List.of());

    assertThatThrownBy(() -> Replay.run(branch, edits, ReplayListener.NONE, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-event");
  }
}
