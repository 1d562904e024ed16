package io.impactsim.cli;

import com.github.freva.asciitable.AsciiTable;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Renders the simulated market cap per company as a text table. */
final class MarketCapTable {
  private MarketCapTable() {}

  static String render(Collection<SimulatedMarketCap> rows) {
    List<SimulatedMarketCap> sorted =
        rows.stream()
            .sorted(Comparator.comparingLong(SimulatedMarketCap::getSimulatedValueUsd).reversed())
            .toList();
    String table =
        AsciiTable.getTable(
            sorted,
            List.of(
                Columns.left("Company")
                    .with(
                        c ->
                            c.getCompany()
                                + (c.getValuationBasis() == ValuationBasis.IMPLIED_VALUATION
                                    ? " (private, implied valuation)"
                                    : "")),
                Columns.right("Reference").with(c -> Money.usd(c.getReferenceValueUsd())),
                Columns.right("Simulated").with(c -> Money.usd(c.getSimulatedValueUsd())),
                Columns.right("Change")
                    .with(
                        c -> Money.signedUsd(c.getSimulatedValueUsd() - c.getReferenceValueUsd())),
                Columns.right("Cum. abnormal return")
                    .with(c -> Money.percent(c.getCumulativeAbnormalReturn(), 2)),
                Columns.right("5%-95% band")
                    .with(
                        c ->
                            Money.usd(c.getLowValueUsd()) + " - " + Money.usd(c.getHighValueUsd())),
                Columns.right("Events").with(c -> "" + c.getEventCount())));
    return "Simulated market cap per company\n" + table;
  }
}
