package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketShareTableTest {
  @Test
  void listsProvidersByRankWithTheirShares() {
    MarketShareSnapshot snapshot =
        MarketShareSnapshot.newBuilder()
            .setSegment("ai-compute-cloud")
            .setPeriod("ALL")
            .setAsOf(Instant.parse("2025-11-03T14:00:00Z"))
            .setTotalCommittedUsd(338_000_000_000L)
            .setExcludedDealCount(1)
            .setEntries(
                List.of(
                    entry("amazon", "AWS", 38_000_000_000L, 11.24, 2),
                    entry("oracle", "Oracle Cloud Infrastructure", 300_000_000_000L, 88.76, 1)))
            .build();

    String table = MarketShareTable.render(snapshot);

    assertThat(table)
        .contains("ai-compute-cloud (all time), total $338.0B; 1 deal(s) tracked but not counted");
    assertThat(table.indexOf("Oracle Cloud Infrastructure")).isLessThan(table.indexOf("AWS"));
    assertThat(table).contains("$300.0B").contains("88.8%").contains("$38.0B").contains("11.2%");
  }

  private static MarketShareEntry entry(
      String provider, String name, long committed, double share, int rank) {
    return MarketShareEntry.newBuilder()
        .setProvider(provider)
        .setProviderName(name)
        .setCommittedUsd(committed)
        .setAnnualizedUsd(committed / 5)
        .setSharePct(share)
        .setRank(rank)
        .setDealCount(1)
        .build();
  }
}
