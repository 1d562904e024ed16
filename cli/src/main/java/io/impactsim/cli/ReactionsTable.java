package io.impactsim.cli;

import com.github.freva.asciitable.AsciiTable;
import io.impactsim.schemas.avro.ImpactDriver;
import io.impactsim.schemas.avro.MarketCapReaction;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Renders market-cap reactions, one row per event and company, in event-time order. */
final class ReactionsTable {
  private static final int DRIVERS_SHOWN = 3;

  private ReactionsTable() {}

  static String render(Collection<MarketCapReaction> rows) {
    List<MarketCapReaction> sorted =
        rows.stream()
            .sorted(
                Comparator.comparing(MarketCapReaction::getOccurredAt)
                    .thenComparing(MarketCapReaction::getEventId)
                    .thenComparing(r -> -Math.abs(r.getDollarImpactUsd())))
            .toList();
    String table =
        AsciiTable.getTable(
            sorted,
            List.of(
                Columns.left("Date").with(r -> r.getOccurredAt().toString().substring(0, 10)),
                Columns.left("Event").maxWidth(34).with(MarketCapReaction::getEventId),
                Columns.left("Company").with(MarketCapReaction::getCompany),
                Columns.right("Abnormal return").with(r -> Money.percent(r.getAbnormalReturn(), 2)),
                Columns.right("Impact").with(r -> Money.signedUsd(r.getDollarImpactUsd())),
                Columns.right("5%-95% band")
                    .with(
                        r ->
                            Money.signedUsd(r.getLowImpactUsd())
                                + " .. "
                                + Money.signedUsd(r.getHighImpactUsd())),
                Columns.left("Main drivers").maxWidth(44).with(r -> drivers(r.getDrivers()))));
    return "Market-cap reactions per event and company\n" + table;
  }

  private static String drivers(List<ImpactDriver> drivers) {
    return drivers.stream()
        .limit(DRIVERS_SHOWN)
        .map(d -> d.getName() + "=" + String.format("%.4g", d.getValue()))
        .collect(Collectors.joining(", "));
  }
}
