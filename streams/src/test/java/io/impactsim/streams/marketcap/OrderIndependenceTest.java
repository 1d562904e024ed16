package io.impactsim.streams.marketcap;

import static io.impactsim.streams.impact.Fixtures.BILLION;
import static io.impactsim.streams.impact.Fixtures.SEED_DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.streams.impact.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same log gives the same view whatever order its events reach the ledgers in: events of
 * different partitions interleave differently from run to run.
 */
class OrderIndependenceTest {
  @TempDir Path first;
  @TempDir Path second;

  private static Instant day(int n) {
    return SEED_DAY.plus(Duration.ofDays(n));
  }

  /** Deals, a restructuring and earnings touching the same companies on different days. */
  private static List<Consumer<MarketCapDriver>> log() {
    return List.of(
        d -> d.deal(Fixtures.openAiAws()),
        // An earlier report of the same contract, in talks and without the GPUs named.
        d ->
            d.deal(
                Fixtures.deal("aws-talks", day(-1), "openai", "amazon", 30 * BILLION, 60)
                    .setContractId(Fixtures.openAiAws().getContractId())
                    .setValueQualifier(ValueQualifier.IN_TALKS)
                    .build()),
        d ->
            d.deal(
                Fixtures.deal("deal-oracle", day(-3), "openai", "oracle", 300 * BILLION, 60)
                    .build()),
        d ->
            d.deal(
                Fixtures.deal("deal-msft", day(2), "openai", "microsoft", 250 * BILLION, null)
                    .build()),
        d -> d.restructuring(Fixtures.rofrRemoved(day(-2))),
        d ->
            d.earnings(
                Fixtures.earnings(
                        "amzn-q2", day(-95), "amazon", "2025-Q2", 167_700_000_000L, 1_680_000L)
                    .build()),
        d ->
            d.earnings(
                Fixtures.earnings(
                        "amzn-q3", day(-1), "amazon", "2025-Q3", 180_200_000_000L, 1_950_000L)
                    .build()),
        d ->
            d.earnings(
                Fixtures.earnings(
                        "amzn-q1", day(-185), "amazon", "2025-Q1", 155_700_000_000L, 1_590_000L)
                    .build()));
  }

  private static Map<String, Object> run(Path stateDir, List<Consumer<MarketCapDriver>> order) {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      order.forEach(step -> step.accept(d));
      return d.finalState();
    }
  }

  @Test
  void twoArrivalOrdersGiveIdenticalReactionsValuesAndLedgers() {
    List<Consumer<MarketCapDriver>> reversed = new ArrayList<>(log());
    Collections.reverse(reversed);

    Map<String, Object> inLogOrder = run(first, log());
    Map<String, Object> inReverse = run(second, reversed);

    assertThat(inLogOrder).hasSizeGreaterThan(20);
    assertThat(inLogOrder.keySet()).contains("value amazon", "reaction amzn-q3|amazon");
    // Amazon's seed reaction is priced after the restructuring, the earnings and the talks.
    MarketCapReaction seed = (MarketCapReaction) inLogOrder.get("reaction deal-openai-aws|amazon");
    assertThat(seed.getPreEventValueUsd()).isNotEqualTo(Fixtures.AMAZON_CAP);
    assertThat(inReverse).isEqualTo(inLogOrder);
  }

  @Test
  void lateImpactsRepricedOnceAnIntervalGiveTheViewOfImmediateRepricing(@TempDir Path third) {
    List<Consumer<MarketCapDriver>> reversed = new ArrayList<>(log());
    Collections.reverse(reversed);
    Map<String, Object> immediate = run(first, log());

    try (MarketCapDriver d =
        new MarketCapDriver(third, Fixtures.profiles(), Duration.ofMillis(100))) {
      reversed.forEach(step -> step.accept(d));
      assertThat(d.staleCompanies()).contains("amazon", "microsoft", "oracle");

      d.advanceWallClock(Duration.ofMillis(100));

      assertThat(d.staleCompanies()).isEmpty();
      assertThat(d.finalState()).isEqualTo(immediate);
    }
  }
}
