package io.impactsim.views.marketcap;

import static io.impactsim.model.Fixtures.AMAZON_CAP;
import static io.impactsim.model.Fixtures.BILLION;
import static io.impactsim.model.Fixtures.SEED_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.model.Fixtures;
import io.impactsim.model.ImpactModel;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.CompanyReaction;
import io.impactsim.schemas.avro.CompanyRole;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.views.ViewsTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCapTopologyTest {
  private static final long ORACLE_CAP = 800 * BILLION;

  @TempDir Path stateDir;

  private static DealAnnounced oracleDeal(String id, Instant at, long value) {
    return Fixtures.deal(id, at, "openai", "oracle", value, 60).build();
  }

  @Test
  void seedDealListsEveryAffectedCompanyInOneRecordPricedAgainstItsProfile() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(Fixtures.openAiAws());

      EventReactions event = d.reactions().get("deal-openai-aws");
      assertThat(event.getEventType()).isEqualTo("deal");
      assertThat(event.getOccurredAt()).isEqualTo(SEED_DAY);
      assertThat(event.getModelVersion()).isEqualTo("impact-model-2");
      assertThat(event.getReactions())
          .extracting(CompanyReaction::getCompany)
          .containsExactlyInAnyOrder(
              "amazon", "openai", "nvidia", "alphabet", "microsoft", "oracle");
      CompanyReaction amazon = d.reaction("deal-openai-aws", "amazon");
      assertThat(amazon.getRole()).isEqualTo("provider");
      assertThat(amazon.getValuationBasis()).isEqualTo(ValuationBasis.MARKET_CAP);
      assertThat(amazon.getReferenceValueUsd()).isEqualTo(AMAZON_CAP);
      assertThat(amazon.getReferenceDate()).isEqualTo(LocalDate.parse("2025-10-31"));
      assertThat((double) amazon.getDollarImpactUsd())
          .isCloseTo(140.0 * BILLION, within(70.0 * BILLION));
      assertThat(amazon.getLowImpactUsd()).isLessThan(amazon.getDollarImpactUsd());
      assertThat(amazon.getHighImpactUsd()).isGreaterThan(amazon.getDollarImpactUsd());
      assertThat(amazon.getDrivers()).extracting("name").contains("relative_size", "term_factor");
      CompanyReaction openai = d.reaction("deal-openai-aws", "openai");
      assertThat(openai.getValuationBasis()).isEqualTo(ValuationBasis.IMPLIED_VALUATION);
      assertThat(openai.getReferenceValueUsd()).isEqualTo(500 * BILLION);
      assertThat(openai.getDollarImpactUsd()).isZero();
    }
  }

  @Test
  void anEventDeliveredAgainSendsItsReactionsAgainAsTheyStandAndChangesNoTotal() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      DealAnnounced deal = oracleDeal("deal-1", SEED_DAY, 30 * BILLION);
      d.deal(deal);
      d.deal(oracleDeal("deal-2", SEED_DAY.plus(Duration.ofDays(1)), 60 * BILLION));
      EventReactions first = d.reactions().get("deal-1");
      assertThat(d.newValueRecords()).isNotEmpty();

      // A reactions record lost with a partly committed transaction comes back with the event's
      // next delivery; the totals already hold the event and do not move.
      d.deal(deal);

      assertThat(d.newReactionRecords())
          .singleElement()
          .satisfies(
              kv -> {
                assertThat(kv.key).isEqualTo("deal-1");
                assertThat(kv.value).isEqualTo(first);
              });
      assertThat(d.newValueRecords()).isEmpty();
    }
  }

  @Test
  void runningValueAddsTheEventsAbnormalReturnsAndTheirDollarsExactly() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(oracleDeal("deal-1", SEED_DAY, 30 * BILLION));
      d.deal(oracleDeal("deal-2", SEED_DAY.plus(Duration.ofDays(1)), 60 * BILLION));

      CompanyReaction first = d.reaction("deal-1", "oracle");
      CompanyReaction second = d.reaction("deal-2", "oracle");
      // Both priced against the profile in effect, not against a value compounded by the first.
      assertThat(second.getReferenceValueUsd()).isEqualTo(ORACLE_CAP);
      SimulatedMarketCap oracle = d.value("oracle");
      assertThat(oracle.getReferenceValueUsd()).isEqualTo(ORACLE_CAP);
      assertThat(oracle.getSimulatedValueUsd())
          .isEqualTo(ORACLE_CAP + first.getDollarImpactUsd() + second.getDollarImpactUsd());
      assertThat(oracle.getCumulativeAbnormalReturn())
          .isCloseTo(first.getAbnormalReturn() + second.getAbnormalReturn(), within(1e-12));
      assertThat(oracle.getEventCount()).isEqualTo(2);
      assertThat(oracle.getLastEventId()).isEqualTo("deal-2");
      assertThat(oracle.getAsOf()).isEqualTo(SEED_DAY.plus(Duration.ofDays(1)));
      assertThat(oracle.getReferenceDate()).isEqualTo(LocalDate.parse("2025-10-31"));
      assertThat(oracle.getLowValueUsd()).isLessThan(oracle.getSimulatedValueUsd());
      assertThat(oracle.getHighValueUsd()).isGreaterThan(oracle.getSimulatedValueUsd());
    }
  }

  @Test
  void republishedDealIsAppliedOnce() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(oracleDeal("deal-1", SEED_DAY, 30 * BILLION));
      d.deal(oracleDeal("deal-1", SEED_DAY, 30 * BILLION));

      assertThat(d.value("oracle").getEventCount()).isEqualTo(1);
      assertThat(d.value("oracle").getSimulatedValueUsd())
          .isEqualTo(ORACLE_CAP + d.reaction("deal-1", "oracle").getDollarImpactUsd());
    }
  }

  @Test
  void lateEarlierQuarterRevisesTheTrendOfTheLaterOneAndSendsOnlyTheDifference() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.earnings(
          Fixtures.earnings("q3", SEED_DAY, "oracle", "2025-Q3", 15_150_000_000L, 1_500_000L)
              .build());
      long q3Alone = d.reaction("q3", "oracle").getDollarImpactUsd();
      d.earnings(
          Fixtures.earnings(
                  "q2",
                  SEED_DAY.minus(Duration.ofDays(3)),
                  "oracle",
                  "2025-Q2",
                  15 * BILLION,
                  1_400_000L)
              .build());

      CompanyReaction q3 = d.reaction("q3", "oracle");
      assertThat(q3.getDrivers())
          .filteredOn(dr -> dr.getName().equals("revenue_surprise"))
          .singleElement()
          .satisfies(dr -> assertThat(dr.getValue()).isCloseTo(0.01, within(1e-12)));
      assertThat(q3.getDollarImpactUsd()).isNotEqualTo(q3Alone);
      assertThat(d.value("oracle").getSimulatedValueUsd())
          .isEqualTo(
              ORACLE_CAP
                  + q3.getDollarImpactUsd()
                  + d.reaction("q2", "oracle").getDollarImpactUsd());
    }
  }

  @Test
  void eventBeforeEveryProfileIsPricedAgainstTheEarliestButIsAlreadyInItsValue() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      Instant september = Instant.parse("2025-09-10T12:00:00Z");
      d.deal(oracleDeal("deal-september", september, 30 * BILLION));
      d.deal(oracleDeal("deal-november", SEED_DAY, 30 * BILLION));

      CompanyReaction september10 = d.reaction("deal-september", "oracle");
      assertThat(september10.getReferenceValueUsd()).isEqualTo(ORACLE_CAP);
      assertThat(september10.getDollarImpactUsd()).isPositive();
      SimulatedMarketCap oracle = d.value("oracle");
      assertThat(oracle.getSimulatedValueUsd())
          .isEqualTo(ORACLE_CAP + d.reaction("deal-november", "oracle").getDollarImpactUsd());
      assertThat(oracle.getEventCount()).isEqualTo(1);
    }
  }

  @Test
  void eventIsPricedAgainstTheProfileInEffectAtItsTimeAndTheValueStartsFromTheNewest() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      long newCap = 900 * BILLION;
      d.profile(oracleProfile(LocalDate.parse("2025-11-10"), newCap));
      d.deal(oracleDeal("deal-before", SEED_DAY, 30 * BILLION));
      d.deal(oracleDeal("deal-after", Instant.parse("2025-11-12T12:00:00Z"), 30 * BILLION));
      // On the new profile's own day: its close already holds the event.
      d.deal(oracleDeal("deal-on-the-day", Instant.parse("2025-11-10T15:00:00Z"), 30 * BILLION));

      assertThat(d.reaction("deal-before", "oracle").getReferenceValueUsd()).isEqualTo(ORACLE_CAP);
      assertThat(d.reaction("deal-on-the-day", "oracle").getReferenceValueUsd())
          .isEqualTo(ORACLE_CAP);
      CompanyReaction after = d.reaction("deal-after", "oracle");
      assertThat(after.getReferenceValueUsd()).isEqualTo(newCap);
      assertThat(after.getReferenceDate()).isEqualTo(LocalDate.parse("2025-11-10"));
      SimulatedMarketCap oracle = d.value("oracle");
      assertThat(oracle.getReferenceValueUsd()).isEqualTo(newCap);
      assertThat(oracle.getReferenceDate()).isEqualTo(LocalDate.parse("2025-11-10"));
      assertThat(oracle.getSimulatedValueUsd()).isEqualTo(newCap + after.getDollarImpactUsd());
      assertThat(oracle.getEventCount()).isEqualTo(1);
    }
  }

  @Test
  void rivalsAreTheSegmentMembersAsOfTheEventsTime() {
    List<CompanyProfile> profiles = new ArrayList<>(Fixtures.profiles());
    // CoreWeave joins the segment from 2025-11-20 on.
    profiles.add(
        CompanyProfile.newBuilder(
                Fixtures.listed(
                    "coreweave", 60 * BILLION, 480_000_000L, CompanyRole.CLOUD_PROVIDER, "other"))
            .setMeta(new EventMetadata("profile-cw", SEED_DAY, "test"))
            .build());
    profiles.add(
        CompanyProfile.newBuilder(
                Fixtures.listed(
                    "coreweave",
                    70 * BILLION,
                    480_000_000L,
                    CompanyRole.CLOUD_PROVIDER,
                    Fixtures.CLOUD))
            .setMeta(new EventMetadata("profile-cw-2", SEED_DAY, "test"))
            .setReferenceDate(LocalDate.parse("2025-11-20"))
            .build());
    try (MarketCapDriver d = new MarketCapDriver(stateDir, profiles)) {
      d.deal(oracleDeal("deal-early", SEED_DAY, 30 * BILLION));
      d.deal(oracleDeal("deal-late", Instant.parse("2025-11-25T12:00:00Z"), 30 * BILLION));

      assertThat(d.reactions().get("deal-early").getReactions())
          .extracting(CompanyReaction::getCompany)
          .doesNotContain("coreweave");
      assertThat(d.reaction("deal-late", "coreweave").getRole()).isEqualTo("rival");
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

      double full =
          ImpactModel.withDefaults().deal(signed, Fixtures.directory()).get(0).abnormalReturn();
      double arTalks = d.reaction("talks", "oracle").getAbnormalReturn();
      double arSigned = d.reaction("signed", "oracle").getAbnormalReturn();
      assertThat(arTalks + arSigned).isCloseTo(full, within(1e-11));
      assertThat(d.reaction("signed", "oracle").getDrivers())
          .extracting("name")
          .contains("superseded_return");
      assertThat(d.value("oracle").getCumulativeAbnormalReturn()).isCloseTo(full, within(1e-11));
    }
  }

  @Test
  void aCompanyIdContainingTheSeparatorHasItsOwnValue() {
    List<CompanyProfile> profiles = new ArrayList<>(Fixtures.profiles());
    profiles.add(
        Fixtures.listed(
            "oracle|x", 100 * BILLION, 1_000_000L, CompanyRole.CLOUD_PROVIDER, "other"));
    try (MarketCapDriver d = new MarketCapDriver(stateDir, profiles)) {
      d.deal(oracleDeal("deal-1", SEED_DAY, 30 * BILLION));
      d.deal(
          Fixtures.deal("deal-x", SEED_DAY, "openai", "oracle|x", 30 * BILLION, 60)
              .setSegment("other")
              .build());

      assertThat(d.value("oracle").getEventCount()).isEqualTo(1);
      assertThat(d.value("oracle").getLastEventId()).isEqualTo("deal-1");
      assertThat(d.value("oracle|x").getEventCount()).isEqualTo(1);
      assertThat(d.value("oracle|x").getReferenceValueUsd()).isEqualTo(100 * BILLION);
    }
  }

  @Test
  void internalTopicsCarryTheirGivenNamesAndEveryStoreIsChangelogged() {
    try (MarketCapDriver d = new MarketCapDriver(stateDir)) {
      d.deal(Fixtures.openAiAws());
      d.earnings(
          Fixtures.earnings("q3", SEED_DAY, "oracle", "2025-Q3", 15_150_000_000L, 1_500_000L)
              .build());
      d.restructuring(Fixtures.rofrRemoved(SEED_DAY));
      d.flush();

      assertThat(d.driver.producedTopicNames())
          .contains(
              "market-cap-test-" + ViewsTopology.CHANGES_BY_TARGET + "-repartition",
              "market-cap-test-" + ViewsTopology.CONTRACTS_STORE + "-changelog",
              "market-cap-test-" + ViewsTopology.EARNINGS_STORE + "-changelog",
              "market-cap-test-" + ViewsTopology.RESTRUCTURINGS_STORE + "-changelog",
              "market-cap-test-" + ViewsTopology.PENDING_STORE + "-changelog",
              "market-cap-test-" + ViewsTopology.TOTALS_STORE + "-changelog");
    }
  }

  private static CompanyProfile oracleProfile(LocalDate referenceDate, long cap) {
    return CompanyProfile.newBuilder(
            Fixtures.listed(
                "oracle", cap, 2_840_000_000L, CompanyRole.CLOUD_PROVIDER, Fixtures.CLOUD))
        .setMeta(new EventMetadata("profile-oracle-" + referenceDate, SEED_DAY, "test"))
        .setReferenceDate(referenceDate)
        .build();
  }
}
