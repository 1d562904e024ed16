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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
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

  @Test
  void withWatermarksImpactsWaitAndAreEachPricedOnce(@TempDir Path third, @TempDir Path fourth) {
    List<Consumer<MarketCapDriver>> reversed = new ArrayList<>(log());
    Collections.reverse(reversed);
    Map<String, Object> immediate = run(first, log());

    List<String> republished;
    try (MarketCapDriver d = new MarketCapDriver(fourth)) {
      reversed.forEach(step -> step.accept(d));
      republished = d.reactions().stream().map(kv -> kv.key).toList();
    }
    try (MarketCapDriver d =
        new MarketCapDriver(third, Fixtures.profiles(), Duration.ofMillis(100))) {
      reversed.forEach(step -> step.accept(d));
      assertThat(d.reactions()).as("nothing is priced before a watermark").isEmpty();

      d.advanceWallClock(Duration.ofMillis(100));

      List<KeyValue<String, MarketCapReaction>> reactions = d.reactions();
      List<String> published = reactions.stream().map(kv -> kv.key).toList();
      assertThat(published).doesNotHaveDuplicates();
      // The ledger's metrics say the same: each entry priced once, no impact late. (A revised
      // impact, the later quarter's trend once the earlier report arrives, is stored twice.)
      long entries = reactions.size();
      assertThat(d.ledgerMetric("priced-entries-total")).isEqualTo(entries);
      assertThat(d.ledgerMetric("impacts-total")).isGreaterThanOrEqualTo(entries);
      assertThat(d.ledgerMetric("late-impacts-total")).isZero();
      assertThat(d.ledgerMetric("pricing-passes-total")).isPositive();
      assertThat(published).containsExactlyInAnyOrderElementsOf(Set.copyOf(republished));
      // Priced on arrival, the same arrivals republish the reactions after every late impact.
      assertThat(republished.size()).isGreaterThan(published.size());
      assertThat(d.staleCompanies()).isEmpty();
      Map<String, Object> state = new TreeMap<>(d.finalState());
      reactions.forEach(kv -> state.put("reaction " + kv.key, kv.value));
      assertThat(state).isEqualTo(immediate);
    }
  }

  @Test
  void anImpactBehindTheWatermarkRepricesTheEntriesAfterIt(@TempDir Path third) {
    List<Consumer<MarketCapDriver>> log = log();
    Map<String, Object> immediate = run(first, log);

    try (MarketCapDriver d =
        new MarketCapDriver(third, Fixtures.profiles(), Duration.ofMillis(100))) {
      // Everything but the earliest Amazon earnings, priced; then that report arrives late.
      log.subList(0, log.size() - 1).forEach(step -> step.accept(d));
      d.advanceWallClock(Duration.ofMillis(100));
      assertThat(d.staleCompanies()).isEmpty();
      Map<String, Object> state = new TreeMap<>(d.latestOutputs());
      MarketCapReaction before = (MarketCapReaction) state.get("reaction deal-openai-aws|amazon");

      double pricedBefore = d.ledgerMetric("priced-entries-total");
      double impactsBefore = d.ledgerMetric("impacts-total");
      log.get(log.size() - 1).accept(d);
      assertThat(d.staleCompanies()).containsExactly("amazon");
      // The report's impacts (its own and the later quarter's revised trend) are all late.
      assertThat(d.ledgerMetric("late-impacts-total"))
          .isPositive()
          .isEqualTo(d.ledgerMetric("impacts-total") - impactsBefore);
      for (int i = 0; i < 600 && !d.staleCompanies().isEmpty(); i++) {
        d.advanceWallClock(Duration.ofMillis(100));
      }

      assertThat(d.staleCompanies()).isEmpty();
      state.putAll(d.finalState());
      assertThat(state).isEqualTo(immediate);
      // The late report is Amazon's earliest entry: it and every Amazon entry after it were
      // priced again, and nothing else.
      long amazonEntries =
          state.keySet().stream().filter(k -> k.startsWith("ledger amazon|")).count();
      assertThat(amazonEntries).isGreaterThan(1);
      assertThat(d.ledgerMetric("priced-entries-total") - pricedBefore).isEqualTo(amazonEntries);
      MarketCapReaction repriced = (MarketCapReaction) state.get("reaction deal-openai-aws|amazon");
      assertThat(repriced.getPreEventValueUsd()).isNotEqualTo(before.getPreEventValueUsd());
    }
  }

  @Test
  void aBacklogIsPricedInSlicesThatEndWithTheViewOfImmediatePricing(@TempDir Path third) {
    int deals = CompanyLedger.PASS_ENTRIES_PER_COMPANY + 500;
    List<Consumer<MarketCapDriver>> log = new ArrayList<>();
    for (int i = 0; i < deals; i++) {
      String id = "backlog-" + i;
      Instant at = SEED_DAY.plus(Duration.ofMinutes(i));
      log.add(d -> d.deal(Fixtures.deal(id, at, "openai", "amazon", BILLION, 12).build()));
    }
    Map<String, Object> immediate = run(first, log);

    try (MarketCapDriver d =
        new MarketCapDriver(third, Fixtures.profiles(), Duration.ofMillis(100))) {
      log.forEach(step -> step.accept(d));
      d.advanceWallClock(Duration.ofMillis(100));
      // One pass priced the first slice of Amazon's entries; the rest waits for the next ticks.
      assertThat(d.staleCompanies()).contains("amazon");
      Map<String, Object> state = new TreeMap<>(d.latestOutputs());
      assertThat(state).containsKey("reaction backlog-0|amazon");
      assertThat(state).doesNotContainKey("reaction backlog-" + (deals - 1) + "|amazon");

      for (int i = 0; i < 100 && !d.staleCompanies().isEmpty(); i++) {
        d.advanceWallClock(Duration.ofMillis(10));
      }
      assertThat(d.staleCompanies()).isEmpty();
      state.putAll(d.finalState());
      assertThat(state).isEqualTo(immediate);
    }
  }
}
