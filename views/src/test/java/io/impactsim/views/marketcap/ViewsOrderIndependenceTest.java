package io.impactsim.views.marketcap;

import static io.impactsim.model.Fixtures.BILLION;
import static io.impactsim.model.Fixtures.SEED_DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.model.Fixtures;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same events give the same views, byte for byte, whatever order they arrive in and whenever
 * the event tasks send their changes on: for random arrival orders of one log (as partitions and
 * timing interleave it), random flush points and with and without record caches, the latest record
 * of every key of every view topic is identical.
 */
class ViewsOrderIndependenceTest {
  private static final int TRIALS = 12;

  @TempDir Path dirs;

  private final SchemaRegistry registry = new InMemorySchemaRegistry();

  /** A small log whose every report of one contract names other companies than the one before. */
  private static List<InputEvent> handMadeLog() {
    String contract = Fixtures.openAiAws().getContractId();
    return List.of(
        InputEvent.of(Fixtures.openAiAws()),
        InputEvent.of(
            Fixtures.deal("aws-talks", day(-1), "openai", "amazon", 30 * BILLION, 60)
                .setContractId(contract)
                .setValueQualifier(ValueQualifier.IN_TALKS)
                .build()),
        // A correction of the same contract naming another provider.
        InputEvent.of(
            Fixtures.deal("aws-correction", day(4), "openai", "oracle", 20 * BILLION, 36)
                .setContractId(contract)
                .build()),
        InputEvent.of(
            Fixtures.deal("deal-oracle", day(-3), "openai", "oracle", 300 * BILLION, 60).build()),
        InputEvent.of(
            Fixtures.deal("deal-msft", day(2), "openai", "microsoft", 250 * BILLION, null).build()),
        InputEvent.of(Fixtures.rofrRemoved(day(-2))),
        InputEvent.of(
            Fixtures.earnings(
                    "amzn-q2", day(-95), "amazon", "2025-Q2", 167_700_000_000L, 1_680_000L)
                .build()),
        InputEvent.of(
            Fixtures.earnings("amzn-q3", day(-1), "amazon", "2025-Q3", 180_200_000_000L, 1_950_000L)
                .build()),
        InputEvent.of(
            Fixtures.earnings(
                    "amzn-q1", day(-185), "amazon", "2025-Q1", 155_700_000_000L, 1_590_000L)
                .build()));
  }

  private static Instant day(int n) {
    return SEED_DAY.plus(Duration.ofDays(n));
  }

  @Test
  void everyArrivalOrderOfAContractsReportsGivesTheSameViews() throws IOException {
    List<InputEvent> log = handMadeLog();
    Map<String, ByteBuffer> inOrder = run(Fixtures.profiles(), log, new SplittableRandom(1), false);
    List<InputEvent> reversed = new ArrayList<>(log);
    Collections.reverse(reversed);

    assertThat(inOrder.keySet())
        .hasSizeGreaterThan(15)
        .contains(
            "mc.market-cap.v1 amazon",
            "mc.market-cap-reactions.v2 aws-talks",
            "mc.capex.v1 oracle",
            "mc.market-share.v1 ai-compute-cloud|ALL");
    assertThat(run(Fixtures.profiles(), reversed, new SplittableRandom(2), true))
        .isEqualTo(inOrder);
    SplittableRandom random = new SplittableRandom(20261206L);
    for (int trial = 0; trial < TRIALS; trial++) {
      List<InputEvent> shuffled = shuffled(log, random);
      assertThat(run(Fixtures.profiles(), shuffled, random, random.nextBoolean()))
          .as("arrival order %s", shuffled.stream().map(InputEvent::eventId).toList())
          .isEqualTo(inOrder);
    }
  }

  @Test
  void randomInterleavingsOfASyntheticMarketGiveTheSameViews() throws IOException {
    List<CompanyProfile> profiles = new ArrayList<>();
    List<InputEvent> events = new ArrayList<>();
    for (InputEvent e : new SyntheticMarket(SyntheticConfig.of(1_500, 30, 11))) {
      if (e.value() instanceof CompanyProfile p) {
        profiles.add(p);
      } else {
        events.add(e);
      }
    }
    Map<String, ByteBuffer> inOrder = run(profiles, events, new SplittableRandom(3), false);
    assertThat(inOrder).hasSizeGreaterThan(events.size());

    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 4; trial++) {
      List<InputEvent> shuffled = shuffled(events, random);
      assertThat(run(profiles, shuffled, random, random.nextBoolean()))
          .as("trial %d", trial)
          .isEqualTo(inOrder);
    }
  }

  /** Runs the events through a fresh topology, sending pending changes at random points. */
  private Map<String, ByteBuffer> run(
      List<CompanyProfile> profiles,
      List<InputEvent> events,
      SplittableRandom random,
      boolean cache)
      throws IOException {
    Path stateDir = Files.createTempDirectory(dirs, "trial");
    try (MarketCapDriver d =
        new MarketCapDriver(stateDir, profiles, cache ? 1_000_000 : 0, registry)) {
      for (InputEvent e : events) {
        d.publish(e);
        if (random.nextInt(10) == 0) {
          d.flush();
        }
      }
      return d.latestBytes();
    }
  }

  private static List<InputEvent> shuffled(List<InputEvent> log, SplittableRandom random) {
    List<InputEvent> out = new ArrayList<>(log);
    for (int i = out.size() - 1; i > 0; i--) {
      Collections.swap(out, i, random.nextInt(i + 1));
    }
    return out;
  }
}
