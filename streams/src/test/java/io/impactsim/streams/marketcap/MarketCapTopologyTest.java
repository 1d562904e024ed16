package io.impactsim.streams.marketcap;

import static io.impactsim.streams.impact.Fixtures.AMAZON_CAP;
import static io.impactsim.streams.impact.Fixtures.BILLION;
import static io.impactsim.streams.impact.Fixtures.SEED_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.streams.impact.Fixtures;
import io.impactsim.streams.impact.ImpactModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCapTopologyTest {
  private static final long ORACLE_CAP = 800 * BILLION;

  @TempDir Path stateDir;

  private static Map<String, MarketCapReaction> byKey(MarketCapDriver d) {
    return d.reactions().stream()
        .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
  }

  private static DealAnnounced oracleDeal(String id, Instant at, long value) {
    return Fixtures.deal(id, at, "openai", "oracle", value, 60).build();
  }

  @Test
  void seedDealPricesAmazonAgainstItsMarketCapAndOpenAiAgainstItsValuation() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(Fixtures.openAiAws());

      Map<String, MarketCapReaction> reactions = byKey(d);
      MarketCapReaction amazon = reactions.get("deal-openai-aws|amazon");
      assertThat(reactions.keySet())
          .containsExactlyInAnyOrder(
              "deal-openai-aws|amazon",
              "deal-openai-aws|openai",
              "deal-openai-aws|nvidia",
              "deal-openai-aws|alphabet",
              "deal-openai-aws|microsoft",
              "deal-openai-aws|oracle");
      assertThat(amazon.getEventType()).isEqualTo("deal");
      assertThat(amazon.getOccurredAt()).isEqualTo(SEED_DAY);
      assertThat(amazon.getValuationBasis()).isEqualTo(ValuationBasis.MARKET_CAP);
      assertThat(amazon.getPreEventValueUsd()).isEqualTo(AMAZON_CAP);
      assertThat((double) amazon.getDollarImpactUsd())
          .isCloseTo(140.0 * BILLION, within(14.0 * BILLION));
      assertThat(amazon.getLowImpactUsd()).isLessThan(amazon.getDollarImpactUsd());
      assertThat(amazon.getHighImpactUsd()).isGreaterThan(amazon.getDollarImpactUsd());
      assertThat(amazon.getDrivers()).extracting("name").contains("relative_size", "term_factor");
      assertThat(amazon.getModelVersion()).isEqualTo("impact-model-1");
      MarketCapReaction openai = reactions.get("deal-openai-aws|openai");
      assertThat(openai.getValuationBasis()).isEqualTo(ValuationBasis.IMPLIED_VALUATION);
      assertThat(openai.getPreEventValueUsd()).isEqualTo(500 * BILLION);
      assertThat(openai.getDollarImpactUsd()).isZero();
    }
  }

  @Test
  void runningValueCompoundsEventsAndCarriesABand() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(oracleDeal("deal-1", SEED_DAY, 30 * BILLION));
      d.deal(oracleDeal("deal-2", SEED_DAY.plus(Duration.ofDays(1)), 60 * BILLION));

      Map<String, MarketCapReaction> reactions = byKey(d);
      double ar1 = reactions.get("deal-1|oracle").getAbnormalReturn();
      double ar2 = reactions.get("deal-2|oracle").getAbnormalReturn();
      assertThat(reactions.get("deal-2|oracle").getPreEventValueUsd())
          .isEqualTo(Math.round(ORACLE_CAP * (1 + ar1)));
      SimulatedMarketCap oracle = latestValue(d, "oracle");
      assertThat(oracle.getReferenceValueUsd()).isEqualTo(ORACLE_CAP);
      assertThat(oracle.getSimulatedValueUsd())
          .isEqualTo(Math.round(ORACLE_CAP * ((1 + ar1) * (1 + ar2))));
      assertThat(oracle.getCumulativeAbnormalReturn())
          .isCloseTo((1 + ar1) * (1 + ar2) - 1, within(1e-12));
      assertThat(oracle.getEventCount()).isEqualTo(2);
      assertThat(oracle.getLastEventId()).isEqualTo("deal-2");
      assertThat(oracle.getAsOf()).isEqualTo(SEED_DAY.plus(Duration.ofDays(1)));
      assertThat(oracle.getLowValueUsd()).isLessThan(oracle.getSimulatedValueUsd());
      assertThat(oracle.getHighValueUsd()).isGreaterThan(oracle.getSimulatedValueUsd());
    }
  }

  @Test
  void ledgerStoreKeepsEachCompanysEventsInEventTimeOrder() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(oracleDeal("deal-late", SEED_DAY.plus(Duration.ofDays(2)), 10 * BILLION));
      d.deal(oracleDeal("deal-early", SEED_DAY, 10 * BILLION));

      var ledger = d.driver.<String, LedgerEntry>getKeyValueStore(MarketCapTopology.LEDGER_STORE);
      LedgerEntry early =
          ledger.get(LedgerKeys.of("oracle", SEED_DAY.toEpochMilli(), "deal-early"));
      LedgerEntry late =
          ledger.get(
              LedgerKeys.of(
                  "oracle", SEED_DAY.plus(Duration.ofDays(2)).toEpochMilli(), "deal-late"));
      assertThat(early.compounded()).isEqualTo(1);
      assertThat(early.factorBefore()).isEqualTo(1.0);
      assertThat(late.compounded()).isEqualTo(2);
      assertThat(late.factorBefore()).isEqualTo(early.factorAfter());
    }
  }

  @Test
  void republishedDealIsAppliedOnce() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(oracleDeal("deal-1", SEED_DAY, 30 * BILLION));
      d.deal(oracleDeal("deal-1", SEED_DAY, 30 * BILLION));

      assertThat(latestValue(d, "oracle").getEventCount()).isEqualTo(1);
    }
  }

  @Test
  void lateEarlierQuarterRevisesTheTrendOfTheLaterOne() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.earnings(
          Fixtures.earnings("q3", SEED_DAY, "oracle", "2025-Q3", 16 * BILLION, 1_500_000L).build());
      d.earnings(
          Fixtures.earnings(
                  "q2",
                  SEED_DAY.minus(Duration.ofDays(90)),
                  "oracle",
                  "2025-Q2",
                  15 * BILLION,
                  1_400_000L)
              .build());

      Map<String, MarketCapReaction> reactions = byKey(d);
      MarketCapReaction q3 = reactions.get("q3|oracle");
      assertThat(q3.getDrivers())
          .filteredOn(dr -> dr.getName().equals("revenue_surprise"))
          .singleElement()
          .satisfies(dr -> assertThat(dr.getValue()).isCloseTo(1.0 / 15, within(1e-12)));
      assertThat(q3.getPreEventValueUsd())
          .isEqualTo(Math.round(ORACLE_CAP * (1 + reactions.get("q2|oracle").getAbnormalReturn())));
    }
  }

  @Test
  void eventBeforeTheReferenceDateIsReportedButNotCompounded() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      Instant september = Instant.parse("2025-09-10T12:00:00Z");
      d.deal(oracleDeal("deal-september", september, 30 * BILLION));
      d.deal(oracleDeal("deal-november", SEED_DAY, 30 * BILLION));

      Map<String, MarketCapReaction> reactions = byKey(d);
      double arNovember = reactions.get("deal-november|oracle").getAbnormalReturn();
      assertThat(reactions.get("deal-september|oracle").getPreEventValueUsd())
          .isEqualTo(ORACLE_CAP);
      assertThat(reactions.get("deal-september|oracle").getDollarImpactUsd()).isPositive();
      assertThat(reactions.get("deal-november|oracle").getPreEventValueUsd()).isEqualTo(ORACLE_CAP);
      SimulatedMarketCap oracle = latestValue(d, "oracle");
      assertThat(oracle.getSimulatedValueUsd())
          .isEqualTo(Math.round(ORACLE_CAP * (1 + arNovember)));
      assertThat(oracle.getEventCount()).isEqualTo(1);
    }
  }

  @Test
  void signedReportOfAContractInTalksAddsOnlyWhatTheTalksDidNotPrice() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      DealAnnounced talks =
          Fixtures.deal("talks", SEED_DAY, "openai", "oracle", 30 * BILLION, 60)
              .setContractId("contract-1")
              .setValueQualifier(ValueQualifier.IN_TALKS)
              .build();
      DealAnnounced signed =
          Fixtures.deal(
                  "signed", SEED_DAY.plus(Duration.ofDays(7)), "openai", "oracle", 30 * BILLION, 60)
              .setContractId("contract-1")
              .build();
      d.deal(talks);
      d.deal(signed);

      Map<String, MarketCapReaction> reactions = byKey(d);
      double full =
          ImpactModel.withDefaults().deal(signed, Fixtures.directory()).get(0).abnormalReturn();
      double arTalks = reactions.get("talks|oracle").getAbnormalReturn();
      double arSigned = reactions.get("signed|oracle").getAbnormalReturn();
      assertThat(arTalks + arSigned).isCloseTo(full, within(1e-15));
      assertThat(reactions.get("signed|oracle").getDrivers())
          .extracting("name")
          .contains("superseded_return");
    }
  }

  @Test
  void internalTopicsCarryTheirGivenNamesAndEveryStoreIsChangelogged() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(Fixtures.openAiAws());
      d.earnings(
          Fixtures.earnings("q3", SEED_DAY, "oracle", "2025-Q3", 16 * BILLION, 1_500_000L).build());

      assertThat(d.driver.producedTopicNames())
          .contains(
              "market-cap-test-" + MarketCapTopology.IMPACTS_BY_COMPANY + "-repartition",
              "market-cap-test-" + MarketCapTopology.LEDGER_STORE + "-changelog",
              "market-cap-test-" + MarketCapTopology.CONTRACTS_STORE + "-changelog",
              "market-cap-test-" + MarketCapTopology.EARNINGS_HISTORY_STORE + "-changelog");
    }
  }

  private static SimulatedMarketCap latestValue(MarketCapDriver d, String company) {
    return d.values().stream()
        .filter(kv -> kv.key.equals(company))
        .map(kv -> kv.value)
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
