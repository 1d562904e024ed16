package io.impactsim.views.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.groups.Tuple.tuple;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.views.Events;
import io.impactsim.views.TopologyFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketShareTopologyTest {
  private static final String ALL = Events.CLOUD + "|ALL";
  private static final String Q3 = Events.CLOUD + "|2025-Q3";
  private static final String Q4 = Events.CLOUD + "|2025-Q4";
  private static final Instant SEP_20 = Instant.parse("2025-09-20T00:00:00Z");
  private static final Instant NOV_3 = Instant.parse("2025-11-03T14:00:00Z");
  private static final Instant NOV_10 = Instant.parse("2025-11-10T00:00:00Z");

  @TempDir Path stateDir;
  private TopologyFixture fixture;
  private TestInputTopic<String, DealAnnounced> deals;
  private TestOutputTopic<String, MarketShareSnapshot> shares;
  private final Map<String, MarketShareSnapshot> latest = new HashMap<>();

  @BeforeEach
  void setUp() {
    fixture = new TopologyFixture(stateDir);
    deals = fixture.input(fixture.topics.deals());
    shares = fixture.output(fixture.topics.marketShare());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private void publish(DealAnnounced.Builder deal) {
    fixture.publish(deals, deal.build());
  }

  private Map<String, MarketShareSnapshot> snapshots() {
    fixture.flush();
    latest.putAll(shares.readKeyValuesToMap());
    return latest;
  }

  @Test
  void sharesRankProvidersByCommittedValue() {
    publish(Events.deal("aws", NOV_3, "openai", "amazon", 38_000_000_000L).setProviderUnit("AWS"));
    publish(Events.deal("azure", NOV_3, "openai", "microsoft", 250_000_000_000L));
    publish(Events.deal("oracle", NOV_10, "openai", "oracle", 12_000_000_000L));

    MarketShareSnapshot all = snapshots().get(ALL);

    assertThat(all.getTotalCommittedUsd()).isEqualTo(300_000_000_000L);
    assertThat(all.getAsOf()).isEqualTo(NOV_10);
    assertThat(all.getEntries())
        .extracting(MarketShareEntry::getProvider, MarketShareEntry::getRank)
        .containsExactly(tuple("microsoft", 1), tuple("amazon", 2), tuple("oracle", 3));
    MarketShareEntry aws = all.getEntries().get(1);
    assertThat(aws.getProviderName()).isEqualTo("AWS");
    assertThat(aws.getSharePct()).isCloseTo(12.6667, offset(1e-3));
    assertThat(aws.getDealCount()).isEqualTo(1);
  }

  @Test
  void annualizedValueIsSpreadOverTheTerm() {
    publish(Events.deal("aws", NOV_3, "openai", "amazon", 38_000_000_000L).setTermMonths(84));

    MarketShareEntry aws = snapshots().get(ALL).getEntries().get(0);

    assertThat(aws.getCommittedUsd()).isEqualTo(38_000_000_000L);
    assertThat(aws.getAnnualizedUsd()).isEqualTo(38_000_000_000L * 12 / 84);
  }

  @Test
  void latestReportOfAContractCountsInTheRunningViewWhateverTheArrivalOrder() {
    publish(Events.deal("first", NOV_3, "openai", "amazon", 30L).setContractId("c-1"));
    publish(Events.deal("second", NOV_10, "openai", "amazon", 38L).setContractId("c-1"));
    // An older report arriving last does not undo the newer one.
    publish(
        Events.deal("older", NOV_3.minusSeconds(60), "openai", "amazon", 5L).setContractId("c-1"));

    MarketShareSnapshot all = snapshots().get(ALL);

    assertThat(all.getTotalCommittedUsd()).isEqualTo(38L);
    assertThat(all.getEntries().get(0).getDealCount()).isEqualTo(1);
  }

  @Test
  void contractMovedToAnotherProviderLeavesTheFirstProvider() {
    publish(Events.deal("first", NOV_3, "openai", "amazon", 30L).setContractId("c-1"));
    publish(Events.deal("second", NOV_10, "openai", "oracle", 30L).setContractId("c-1"));

    MarketShareSnapshot all = snapshots().get(ALL);

    assertThat(all.getEntries())
        .extracting(MarketShareEntry::getProvider)
        .containsExactly("oracle");
  }

  @Test
  void dealsThatDoNotCountAreTrackedButExcluded() {
    publish(Events.deal("ok", NOV_3, "openai", "amazon", 10L));
    publish(
        Events.deal("loi", NOV_3, "openai", "oracle", 99L)
            .setValueQualifier(ValueQualifier.LETTER_OF_INTENT));
    publish(
        Events.deal("talks", NOV_3, "openai", "oracle", 99L)
            .setValueQualifier(ValueQualifier.IN_TALKS));
    publish(Events.deal("secret", NOV_3, "openai", "oracle", 0L).setValueUsd(null));
    publish(
        Events.deal("equity", NOV_3, "amazon", "anthropic", 8L)
            .setKind(DealKind.EQUITY_INVESTMENT));
    publish(
        Events.deal("stargate", NOV_3, "openai", "various", 1_400_000_000_000L)
            .setKind(DealKind.INFRASTRUCTURE_COMMITMENT));

    MarketShareSnapshot all = snapshots().get(ALL);

    assertThat(all.getTotalCommittedUsd()).isEqualTo(10L);
    assertThat(all.getExcludedDealCount()).isEqualTo(5);
    assertThat(all.getEntries())
        .extracting(MarketShareEntry::getProvider)
        .containsExactly("amazon");
  }

  @Test
  void upToValuesCountAtTheirCeiling() {
    publish(
        Events.deal("cap", NOV_3, "openai", "amazon", 50L).setValueQualifier(ValueQualifier.UP_TO));

    assertThat(snapshots().get(ALL).getTotalCommittedUsd()).isEqualTo(50L);
  }

  @Test
  void quartersFollowEventTime() {
    publish(Events.deal("q3", SEP_20, "openai", "amazon", 3L));
    publish(Events.deal("q4", NOV_3, "openai", "oracle", 4L));

    Map<String, MarketShareSnapshot> out = snapshots();

    assertThat(out.get(Q3).getTotalCommittedUsd()).isEqualTo(3L);
    assertThat(out.get(Q4).getTotalCommittedUsd()).isEqualTo(4L);
    assertThat(out.get(ALL).getTotalCommittedUsd()).isEqualTo(7L);
  }

  @Test
  void aLateDealCountsInItsQuarterHoweverLateItArrives() {
    publish(Events.deal("q3", SEP_20, "openai", "amazon", 3L));
    publish(Events.deal("nov", NOV_10, "openai", "oracle", 4L));
    publish(Events.deal("late", Instant.parse("2025-09-29T00:00:00Z"), "openai", "oracle", 5L));

    Map<String, MarketShareSnapshot> out = snapshots();

    assertThat(out.get(Q3).getTotalCommittedUsd()).isEqualTo(8L);
    assertThat(out.get(ALL).getTotalCommittedUsd()).isEqualTo(12L);
  }

  @Test
  void aRevisionCountsInTheQuarterItIsAnnouncedWithWhatItChanges() {
    publish(Events.deal("signed", SEP_20, "openai", "amazon", 30L).setContractId("c-1"));
    publish(Events.deal("enlarged", NOV_3, "openai", "amazon", 38L).setContractId("c-1"));
    publish(Events.deal("moved", NOV_10, "openai", "oracle", 38L).setContractId("c-1"));

    Map<String, MarketShareSnapshot> out = snapshots();

    assertThat(out.get(Q3).getEntries())
        .extracting(MarketShareEntry::getProvider, MarketShareEntry::getCommittedUsd)
        .containsExactly(tuple("amazon", 30L));
    // In the fourth quarter Amazon gained 8 and then lost the contract's 38; Oracle won 38.
    MarketShareSnapshot q4 = out.get(Q4);
    assertThat(q4.getEntries())
        .extracting(
            MarketShareEntry::getProvider,
            MarketShareEntry::getCommittedUsd,
            MarketShareEntry::getDealCount)
        .containsExactly(tuple("oracle", 38L, 1), tuple("amazon", -30L, -1));
    assertThat(q4.getTotalCommittedUsd()).isEqualTo(38L);
    assertThat(q4.getEntries().get(1).getSharePct()).isZero();
    assertThat(out.get(ALL).getEntries())
        .extracting(MarketShareEntry::getProvider, MarketShareEntry::getCommittedUsd)
        .containsExactly(tuple("oracle", 38L));
  }

  @Test
  void aSegmentOrProviderIdContainingTheSeparatorKeepsItsOwnKey() {
    publish(Events.deal("odd", NOV_3, "openai", "amazon", 3L).setSegment("a|ALL"));
    publish(Events.deal("plain", NOV_3, "openai", "amazon", 4L).setSegment("a"));

    Map<String, MarketShareSnapshot> out = snapshots();

    assertThat(out.get("a\\|ALL|ALL").getTotalCommittedUsd()).isEqualTo(3L);
    assertThat(out.get("a|ALL").getTotalCommittedUsd()).isEqualTo(4L);
    assertThat(out.get("a|ALL").getSegment()).isEqualTo("a");
  }
}
