package io.impactsim.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublishReport;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.read.ViewReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the {@code streams} command with SIGKILL at random points of its progress, restarts it on
 * the same application id and state directory each time, and checks that its views then equal those
 * of an uninterrupted run over the same events, key by key and field by field. Progress is the
 * offsets the application's group has committed over every topic it reads, event topics and
 * repartition topics alike, as a share of what the uninterrupted run committed, so that kill points
 * fall over the totals' work as well as the event tasks'.
 *
 * <p>Sizes come from system properties: {@code impactsim.crash.events} (default 1,000), {@code
 * impactsim.crash.companies} (30), {@code impactsim.crash.kills} (5), {@code impactsim.crash.seed}
 * (random, printed) for the kill points, {@code impactsim.crash.heap} (384m) for the killed JVM.
 */
@KafkaSandboxTest
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGKILL and SIGTERM are POSIX signals")
class CrashRecoveryTest {
  private static final long EVENTS = Long.getLong("impactsim.crash.events", 1_000);
  private static final int COMPANIES = Integer.getInteger("impactsim.crash.companies", 30);
  private static final int KILLS = Integer.getInteger("impactsim.crash.kills", 5);
  private static final long KILL_SEED = Long.getLong("impactsim.crash.seed", System.nanoTime());
  private static final String HEAP = System.getProperty("impactsim.crash.heap", "384m");
  private static final long MARKET_SEED = 20_251_128L;
  private static final int EXPLAINED_KEYS = 20;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  // Room for 20 events a second plus the restores: the pipeline has done a few dozen to a few
  // hundred a second on a 2-core machine, depending on what else ran on it.
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180 + EVENTS / 20);

  @TempDir Path tmp;

  @Test
  void viewsAfterRepeatedSigkillsEqualThoseOfAnUninterruptedRun(KafkaEnvironment env)
      throws Exception {
    System.out.printf(
        "crash test: %,d events, %d companies, %d kills, kill seed %d%n",
        EVENTS, COMPANIES, KILLS, KILL_SEED);
    SyntheticMarket market =
        new SyntheticMarket(SyntheticConfig.of(EVENTS, COMPANIES, MARKET_SEED));
    PublishedFacts facts = PublishedFacts.of(market);
    KafkaSettings crashed = env.settings(env.uniqueName("crash"));
    KafkaSettings reference = env.settings(env.uniqueName("crash-ref"));
    publish(crashed, market);
    publish(reference, market);

    long started = System.nanoTime();
    runUninterrupted(reference);
    double referenceSeconds = (System.nanoTime() - started) / 1e9;
    long referenceOffsets;
    String referenceGroup = StreamsOptions.defaults().applicationIdFor(reference.topicPrefix());
    try (GroupProgress done = new GroupProgress(reference, referenceGroup)) {
      referenceOffsets = done.committed();
    }
    assertThat(referenceOffsets).as("offsets the uninterrupted run committed").isPositive();
    started = System.nanoTime();
    int midRun = runWithKills(env, crashed, referenceOffsets);
    double seconds = (System.nanoTime() - started) / 1e9;

    ViewDigests.Outcome comparison =
        ViewDigests.compare(reference, crashed, RUN_TIMEOUT, EXPLAINED_KEYS);
    System.out.printf(
        "crash test summary: %,d events (%,d event records, %,d contracts), %d SIGKILLs (%d"
            + " mid-run), crashed run %.1f s, uninterrupted run %.1f s, keys compared: %s; kill"
            + " seed %d%n",
        EVENTS,
        facts.eventRecords(),
        facts.contracts(),
        KILLS,
        midRun,
        seconds,
        referenceSeconds,
        ViewDigests.describe(comparison),
        KILL_SEED);

    assertThat(comparison.equal())
        .as(
            "views equal to the uninterrupted run; differing keys %s, first differences %s",
            comparison.differingKeys(), comparison.differences())
        .isTrue();
    assertThat(comparison.keys().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertNothingLostOrDoubled(crashed, facts);
    assertThat(midRun).as("kills while records were still unprocessed").isPositive();
  }

  /** Checks from outside the topology: contract counts and an empty dead-letter topic. */
  private static void assertNothingLostOrDoubled(KafkaSettings settings, PublishedFacts facts)
      throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = TopicCatalog.create(settings.topicPrefix(), registry, false);
      assertThat(
              facts.mismatches(
                  ViewReader.read(settings, topics.marketShare(), RUN_TIMEOUT),
                  ViewReader.read(settings, topics.capex(), RUN_TIMEOUT)))
          .as("counts the published events imply")
          .isEmpty();
      assertThat(CommittedRecords.count(settings, topics.deadLetters().name(), RUN_TIMEOUT))
          .as("dead letters")
          .isZero();
    }
  }

  private static void publish(KafkaSettings settings, SyntheticMarket market) {
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      PublishReport report = publisher.publish(market, market.size());
      assertThat(report.total()).isEqualTo(market.size());
    }
  }

  private void runUninterrupted(KafkaSettings settings) throws Exception {
    StreamsOptions options = StreamsOptions.defaults().withStateDir(tmp.resolve("reference"));
    try (ImpactsimStreams app = new ImpactsimStreams(settings, options)) {
      app.start(START_TIMEOUT);
      app.awaitCaughtUp(RUN_TIMEOUT);
    }
  }

  /**
   * Runs the command in JVMs of its own, kills each life once the committed progress passes its
   * kill point, and lets the last life catch up and stop on SIGTERM.
   *
   * @param total the offsets the uninterrupted run committed over every topic its group reads
   * @return how many kills left records unprocessed
   */
  private int runWithKills(KafkaEnvironment env, KafkaSettings settings, long total)
      throws Exception {
    long[] killPoints = killPoints(new Random(KILL_SEED), total);
    int midRun = 0;
    try (CrashingApplication app =
        new CrashingApplication(
            env, settings, tmp.resolve("crashed"), HEAP, START_TIMEOUT, RUN_TIMEOUT)) {
      for (int life = 0; life < KILLS; life++) {
        CrashingApplication.Kill kill = app.runAndKill(life, killPoints[life], total);
        midRun += kill.caughtUp() || kill.committed() >= total ? 0 : 1;
      }
      app.runToEndAndStop();
    }
    return midRun;
  }

  /** Kill points spread at random over the committed progress, in increasing order. */
  private static long[] killPoints(Random random, long total) {
    long[] points = new long[KILLS];
    for (int i = 0; i < KILLS; i++) {
      points[i] = (long) (total * (0.05 + 0.85 * random.nextDouble()));
    }
    Arrays.sort(points);
    return points;
  }
}
