package io.impactsim.streams.share;

import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds the published snapshot of a segment and period from its providers' totals. */
final class Snapshots {
  private static final Comparator<ShareFigures> BY_COMMITTED =
      Comparator.comparingLong(ShareFigures::committedUsd)
          .reversed()
          .thenComparing(ShareFigures::provider);

  private Snapshots() {}

  static MarketShareSnapshot of(String segment, String period, SegmentProviders providers) {
    long total = 0;
    int excluded = 0;
    long asOf = 0;
    List<ShareFigures> counted = new ArrayList<>();
    for (ShareFigures f : providers.byProvider().values()) {
      excluded += f.excludedCount();
      asOf = Math.max(asOf, f.asOf());
      if (!f.provider().equals(ShareFigures.EXCLUDED) && f.dealCount() > 0) {
        total += f.committedUsd();
        counted.add(f);
      }
    }
    counted.sort(BY_COMMITTED);
    List<MarketShareEntry> entries = new ArrayList<>(counted.size());
    for (ShareFigures f : counted) {
      entries.add(
          MarketShareEntry.newBuilder()
              .setProvider(f.provider())
              .setProviderName(f.providerName().isEmpty() ? f.provider() : f.providerName())
              .setCommittedUsd(f.committedUsd())
              .setAnnualizedUsd(f.annualizedUsd())
              .setSharePct(total == 0 ? 0.0 : 100.0 * f.committedUsd() / total)
              .setRank(entries.size() + 1)
              .setDealCount(f.dealCount())
              .build());
    }
    return MarketShareSnapshot.newBuilder()
        .setSegment(segment)
        .setPeriod(period)
        .setAsOf(Instant.ofEpochMilli(asOf))
        .setTotalCommittedUsd(total)
        .setExcludedDealCount(excluded)
        .setEntries(entries)
        .build();
  }
}
