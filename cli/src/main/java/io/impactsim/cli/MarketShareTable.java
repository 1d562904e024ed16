package io.impactsim.cli;

import com.github.freva.asciitable.AsciiTable;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import java.util.Comparator;
import java.util.List;

/** Renders a market-share snapshot as a text table. */
final class MarketShareTable {
  private MarketShareTable() {}

  static String render(MarketShareSnapshot s) {
    List<MarketShareEntry> rows =
        s.getEntries().stream().sorted(Comparator.comparingInt(MarketShareEntry::getRank)).toList();
    String table =
        AsciiTable.getTable(
            rows,
            List.of(
                Columns.right("#").with(e -> "" + e.getRank()),
                Columns.left("Provider").with(MarketShareEntry::getProviderName),
                Columns.right("Committed").with(e -> Money.usd(e.getCommittedUsd())),
                Columns.right("Annualized").with(e -> Money.usd(e.getAnnualizedUsd())),
                Columns.right("Share").with(e -> Money.percent(e.getSharePct() / 100, 1)),
                Columns.right("Deals").with(e -> "" + e.getDealCount())));
    return "Market share of committed compute spend: "
        + s.getSegment()
        + " ("
        + ("ALL".equals(s.getPeriod()) ? "all time" : s.getPeriod())
        + "), total "
        + Money.usd(s.getTotalCommittedUsd())
        + "; "
        + s.getExcludedDealCount()
        + " deal(s) tracked but not counted\n"
        + table;
  }
}
