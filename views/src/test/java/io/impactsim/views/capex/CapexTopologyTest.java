package io.impactsim.views.capex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.HeadlineCommitment;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.avro.YearlyCommitment;
import io.impactsim.views.Events;
import io.impactsim.views.TopologyFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapexTopologyTest {
  private static final Instant NOV_3 = Instant.parse("2025-11-03T14:00:00Z");
  private static final Instant NOV_10 = Instant.parse("2025-11-10T00:00:00Z");

  @TempDir Path stateDir;
  private TopologyFixture fixture;
  private TestInputTopic<String, DealAnnounced> deals;
  private TestInputTopic<String, EarningsReported> earnings;
  private TestOutputTopic<String, CapexCommitments> capex;

  @BeforeEach
  void setUp() {
    fixture = new TopologyFixture(stateDir);
    deals = fixture.input(fixture.topics.deals());
    earnings = fixture.input(fixture.topics.earnings());
    capex = fixture.output(fixture.topics.capex());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private void publish(DealAnnounced.Builder deal) {
    fixture.publish(deals, deal.build());
  }

  private final Map<String, CapexCommitments> latest = new java.util.HashMap<>();

  private Map<String, CapexCommitments> views() {
    fixture.flush();
    latest.putAll(capex.readKeyValuesToMap());
    return latest;
  }

  @Test
  void contractCountsForTheBuyerAndAsTheProvidersBacklog() {
    publish(
        Events.deal("aws", NOV_3, "openai", "amazon", 38_000_000_000L)
            .setCapacityGw(1.5)
            .setAccelerators(
                List.of(
                    new Accelerator("nvidia", "GB200", 100_000L, ValueQualifier.APPROX),
                    new Accelerator("nvidia", "GB300", null, ValueQualifier.UNDISCLOSED))));

    Map<String, CapexCommitments> out = views();

    CapexCommitments openai = out.get("openai");
    assertThat(openai.getCommittedAsBuyerUsd()).isEqualTo(38_000_000_000L);
    assertThat(openai.getBacklogAsProviderUsd()).isZero();
    assertThat(openai.getCapacityGw()).isEqualTo(1.5);
    assertThat(openai.getAccelerators())
        .extracting(Accelerator::getModel, Accelerator::getCount)
        .containsExactly(tuple("GB200", 100_000L), tuple("GB300", null));
    assertThat(openai.getDealCount()).isEqualTo(1);
    assertThat(openai.getAsOf()).isEqualTo(NOV_3);
    assertThat(out.get("amazon").getBacklogAsProviderUsd()).isEqualTo(38_000_000_000L);
    assertThat(out.get("amazon").getCommittedAsBuyerUsd()).isZero();
    assertThat(out.get("amazon").getDealCount()).isEqualTo(1);
  }

  @Test
  void scheduleSpreadsTheValueOverTheTermFromTheStartDate() {
    publish(
        Events.deal("aws", NOV_3, "openai", "amazon", 84_000L)
            .setTermMonths(84)
            .setStartDate(LocalDate.of(2025, 11, 1)));

    List<YearlyCommitment> schedule = views().get("openai").getSchedule();

    assertThat(schedule)
        .extracting(YearlyCommitment::getYear, YearlyCommitment::getAsBuyerUsd)
        .containsExactly(
            tuple(2025, 2_000L),
            tuple(2026, 12_000L),
            tuple(2027, 12_000L),
            tuple(2028, 12_000L),
            tuple(2029, 12_000L),
            tuple(2030, 12_000L),
            tuple(2031, 12_000L),
            tuple(2032, 10_000L));
    assertThat(schedule.stream().mapToLong(YearlyCommitment::getAsBuyerUsd).sum())
        .isEqualTo(84_000L);
  }

  @Test
  void correctedContractMovesFromOneProviderToAnother() {
    publish(Events.deal("first", NOV_3, "openai", "amazon", 30L).setContractId("c-1"));
    publish(Events.deal("second", NOV_10, "openai", "oracle", 40L).setContractId("c-1"));

    Map<String, CapexCommitments> out = views();

    assertThat(out.get("openai").getCommittedAsBuyerUsd()).isEqualTo(40L);
    assertThat(out.get("openai").getDealCount()).isEqualTo(1);
    assertThat(out.get("amazon").getBacklogAsProviderUsd()).isZero();
    assertThat(out.get("amazon").getDealCount()).isZero();
    assertThat(out.get("oracle").getBacklogAsProviderUsd()).isEqualTo(40L);
  }

  @Test
  void laterReportReplacesTheContributionOfTheEarlierOneExactly() {
    publish(
        Events.deal("first", NOV_3, "openai", "amazon", 30L)
            .setContractId("c-1")
            .setTermMonths(12)
            .setStartDate(LocalDate.of(2025, 7, 1))
            .setCapacityGw(0.1)
            .setAccelerators(
                List.of(new Accelerator("nvidia", "GB200", 1_000L, ValueQualifier.EXACT))));
    publish(
        Events.deal("other", NOV_3, "openai", "oracle", 5L)
            .setCapacityGw(0.2)
            .setAccelerators(
                List.of(new Accelerator("nvidia", "GB200", 500L, ValueQualifier.APPROX))));
    assertThat(views().get("openai").getAccelerators())
        .extracting(Accelerator::getCount, Accelerator::getCountQualifier)
        .containsExactly(tuple(1_500L, ValueQualifier.APPROX));

    publish(
        Events.deal("second", NOV_10, "openai", "amazon", 24L)
            .setContractId("c-1")
            .setTermMonths(12)
            .setStartDate(LocalDate.of(2026, 1, 1))
            .setCapacityGw(0.7)
            .setAccelerators(
                List.of(new Accelerator("amd", "MI450", null, ValueQualifier.UNDISCLOSED))));

    CapexCommitments openai = views().get("openai");
    assertThat(openai.getCommittedAsBuyerUsd()).isEqualTo(29L);
    assertThat(openai.getDealCount()).isEqualTo(2);
    assertThat(openai.getCapacityGw()).isEqualTo(0.9);
    assertThat(openai.getSchedule())
        .extracting(YearlyCommitment::getYear, YearlyCommitment::getAsBuyerUsd)
        .containsExactly(tuple(2025, 5L), tuple(2026, 24L));
    assertThat(openai.getAccelerators())
        .extracting(Accelerator::getModel, Accelerator::getCount, Accelerator::getCountQualifier)
        .containsExactly(
            tuple("MI450", null, ValueQualifier.UNDISCLOSED),
            tuple("GB200", 500L, ValueQualifier.APPROX));
    assertThat(openai.getAsOf()).isEqualTo(NOV_10);
  }

  @Test
  void olderReportArrivingLateChangesNothing() {
    publish(Events.deal("second", NOV_10, "openai", "amazon", 40L).setContractId("c-1"));
    publish(Events.deal("first", NOV_3, "openai", "amazon", 30L).setContractId("c-1"));

    CapexCommitments openai = views().get("openai");
    assertThat(openai.getCommittedAsBuyerUsd()).isEqualTo(40L);
    assertThat(openai.getDealCount()).isEqualTo(1);
  }

  @Test
  void aggregateCommitmentIsAHeadlineNotASum() {
    publish(
        Events.deal("stargate", NOV_3, "openai", "various", 1_400_000_000_000L)
            .setKind(DealKind.INFRASTRUCTURE_COMMITMENT)
            .setValueQualifier(ValueQualifier.APPROX)
            .setCapacityGw(30.0)
            .setNotes("about 30 GW over eight years"));

    CapexCommitments openai = views().get("openai");

    assertThat(openai.getCommittedAsBuyerUsd()).isZero();
    assertThat(openai.getCapacityGw()).isZero();
    assertThat(openai.getHeadlineCommitments())
        .extracting(HeadlineCommitment::getValueUsd, HeadlineCommitment::getCapacityGw)
        .containsExactly(tuple(1_400_000_000_000L, 30.0));
    assertThat(
            fixture
                .store(io.impactsim.views.ViewsTopology.CONTRACTS_STORE)
                .get("contract-stargate"))
        .isNotNull();
  }

  @Test
  void earningsGiveReportedCapexAndTheLatestGuidance() {
    earnings.pipeInput(
        "amazon",
        Events.earnings("q2", NOV_3, "amazon")
            .setFiscalPeriod("2025-Q2")
            .setCapexUsd(31_000_000_000L)
            .setCapexGuidanceLowUsd(118_000_000_000L)
            .setCapexGuidanceHighUsd(125_000_000_000L)
            .build(),
        NOV_3);
    earnings.pipeInput(
        "amazon",
        Events.earnings("q3", NOV_10, "amazon")
            .setFiscalPeriod("2025-Q3")
            .setCapexUsd(34_200_000_000L)
            .build(),
        NOV_10);

    CapexCommitments amazon = views().get("amazon");

    assertThat(amazon.getLatestFiscalPeriod()).isEqualTo("2025-Q3");
    assertThat(amazon.getLatestQuarterCapexUsd()).isEqualTo(34_200_000_000L);
    assertThat(amazon.getCapexGuidanceLowUsd()).isEqualTo(118_000_000_000L);
    assertThat(amazon.getCapexGuidanceHighUsd()).isEqualTo(125_000_000_000L);
  }
}
