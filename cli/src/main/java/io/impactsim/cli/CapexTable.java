package io.impactsim.cli;

import com.github.freva.asciitable.AsciiTable;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.HeadlineCommitment;
import io.impactsim.schemas.avro.YearlyCommitment;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Renders capex commitments per company as a text table. */
final class CapexTable {
  private CapexTable() {}

  static String render(Collection<CapexCommitments> rows) {
    List<CapexCommitments> sorted =
        rows.stream()
            .sorted(
                (a, b) ->
                    Long.compare(
                        b.getCommittedAsBuyerUsd() + b.getBacklogAsProviderUsd(),
                        a.getCommittedAsBuyerUsd() + a.getBacklogAsProviderUsd()))
            .toList();
    String table =
        AsciiTable.getTable(
            sorted,
            List.of(
                Columns.left("Company").with(CapexCommitments::getCompany),
                Columns.right("As buyer").with(c -> Money.usd(c.getCommittedAsBuyerUsd())),
                Columns.right("Backlog as provider")
                    .with(c -> Money.usd(c.getBacklogAsProviderUsd())),
                Columns.left("Schedule by year (buyer / provider)")
                    .maxWidth(48)
                    .with(c -> schedule(c.getSchedule())),
                Columns.right("GW")
                    .with(c -> c.getCapacityGw() == 0 ? "-" : "" + c.getCapacityGw()),
                Columns.left("Headline commitments")
                    .maxWidth(30)
                    .with(c -> headlines(c.getHeadlineCommitments())),
                Columns.right("Last quarter capex")
                    .with(
                        c ->
                            c.getLatestQuarterCapexUsd() == null
                                ? "-"
                                : Money.usd(c.getLatestQuarterCapexUsd())
                                    + " ("
                                    + c.getLatestFiscalPeriod()
                                    + ")")));
    return "Capex commitments per company\n" + table;
  }

  private static String schedule(List<YearlyCommitment> years) {
    return years.stream()
        .map(
            y ->
                y.getYear()
                    + ": "
                    + Money.usd(y.getAsBuyerUsd())
                    + " / "
                    + Money.usd(y.getAsProviderUsd()))
        .collect(Collectors.joining(", "));
  }

  private static String headlines(List<HeadlineCommitment> headlines) {
    if (headlines.isEmpty()) {
      return "-";
    }
    return headlines.stream()
        .map(
            h ->
                Money.usd(h.getValueUsd())
                    + (h.getCapacityGw() == null ? "" : " / " + h.getCapacityGw() + " GW"))
        .collect(Collectors.joining(", "));
  }
}
