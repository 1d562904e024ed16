package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.cli.ViewChanges.Change;
import io.impactsim.cli.ViewChanges.Unit;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.views.read.ViewSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewChangesTest {
  @Test
  void onlyFiguresThatDifferAreListedWithTheirChange() {
    ViewSet live = views(snapshot(338, entry("oracle", 300, 88.75), entry("amazon", 38, 11.25)));
    ViewSet branch = views(snapshot(320, entry("oracle", 300, 93.75), entry("amazon", 20, 6.25)));

    List<Change> changes = ViewChanges.between(live, branch, List.of());

    assertThat(changes)
        .containsExactly(
            new Change("market-share", "cloud|ALL", "total committed", Unit.MONEY, 338e9, 320e9),
            new Change("market-share", "cloud|ALL", "oracle share", Unit.RATIO, 0.8875, 0.9375),
            new Change("market-share", "cloud|ALL", "amazon share", Unit.RATIO, 0.1125, 0.0625),
            new Change("market-share", "cloud|ALL", "amazon committed", Unit.MONEY, 38e9, 20e9));
    String table = ViewChanges.render(changes, "live", "aws-20b");
    assertThat(table)
        .containsPattern(
            "\\| amazon share +\\| +11\\.25% \\| +6\\.25% \\| +-5\\.00 pp \\| +-44\\.4% \\|")
        .containsPattern(
            "\\| total committed +\\| +\\$338\\.0B \\| +\\$320\\.0B \\| +-\\$18\\.0B \\|")
        .contains("4 figure(s) differ in 1 key(s)");
  }

  @Test
  void aKeyOnOneSideOnlyIsAddedOrRemovedAndEqualViewsSaySo() {
    ViewSet live = views(snapshot(38, entry("amazon", 38, 100)));
    ViewSet empty = new ViewSet(Map.of(), Map.of(), Map.of(), Map.of());

    assertThat(ViewChanges.render(ViewChanges.between(live, empty, List.of()), "live", "b"))
        .containsPattern("\\| amazon share +\\| +100\\.00% \\| +- \\| +removed \\| +- \\|");
    assertThat(ViewChanges.render(ViewChanges.between(empty, live, List.of()), "live", "b"))
        .containsPattern("\\| amazon share +\\| +- \\| +100\\.00% \\| +added \\| +- \\|");
    assertThat(ViewChanges.between(live, live, List.of())).isEmpty();
    assertThat(ViewChanges.render(List.of(), "live", "b"))
        .isEqualTo("No differences: every view of b equals live.\n");
    assertThat(ViewChanges.between(live, empty, List.of("capex"))).isEmpty();
  }

  private static ViewSet views(MarketShareSnapshot s) {
    return new ViewSet(Map.of("cloud|ALL", s), Map.of(), Map.of(), Map.of());
  }

  private static MarketShareSnapshot snapshot(long totalBillions, MarketShareEntry... entries) {
    return MarketShareSnapshot.newBuilder()
        .setSegment("cloud")
        .setPeriod("ALL")
        .setAsOf(java.time.Instant.EPOCH)
        .setTotalCommittedUsd(totalBillions * 1_000_000_000L)
        .setExcludedDealCount(0)
        .setEntries(List.of(entries))
        .setUnlistedProviderCount(0)
        .build();
  }

  private static MarketShareEntry entry(String provider, long billions, double sharePct) {
    return MarketShareEntry.newBuilder()
        .setProvider(provider)
        .setProviderName(provider)
        .setCommittedUsd(billions * 1_000_000_000L)
        .setAnnualizedUsd(billions * 1_000_000_000L)
        .setSharePct(sharePct)
        .setRank(1)
        .setDealCount(1)
        .build();
  }
}
