package io.impactsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.freva.asciitable.AsciiTable;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.views.View;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Renders market-cap reactions as the query API gives them (one row per event and company), in
 * event-time order.
 */
final class ReactionsTable {
  private static final int DRIVERS_SHOWN = 3;

  private ReactionsTable() {}

  /** Renders records as read from the reactions topic (one per event). */
  static String renderRecords(Collection<EventReactions> records) {
    List<JsonNode> rows = new ArrayList<>();
    records.forEach(r -> rows.addAll(View.REACTIONS.rows(r)));
    return render(rows);
  }

  static String render(Collection<JsonNode> rows) {
    List<JsonNode> sorted =
        rows.stream()
            .sorted(
                Comparator.comparing((JsonNode r) -> r.path("occurredAt").asText())
                    .thenComparing(r -> r.path("eventId").asText())
                    .thenComparing(r -> -Math.abs(r.path("dollarImpactUsd").asLong())))
            .toList();
    String table =
        AsciiTable.getTable(
            sorted,
            List.of(
                Columns.left("Date")
                    .with(
                        r ->
                            r.path("occurredAt")
                                .asText()
                                .substring(
                                    0, Math.min(10, r.path("occurredAt").asText().length()))),
                Columns.left("Event").maxWidth(34).with(r -> r.path("eventId").asText()),
                Columns.left("Company").with(r -> r.path("company").asText()),
                Columns.right("Abnormal return")
                    .with(r -> Money.percent(r.path("abnormalReturn").asDouble(), 2)),
                Columns.right("Impact")
                    .with(r -> Money.signedUsd(r.path("dollarImpactUsd").asLong())),
                Columns.right("5%-95% band")
                    .with(
                        r ->
                            Money.signedUsd(r.path("lowImpactUsd").asLong())
                                + " .. "
                                + Money.signedUsd(r.path("highImpactUsd").asLong())),
                Columns.left("Main drivers").maxWidth(44).with(r -> drivers(r.path("drivers")))));
    return "Market-cap reactions per event and company\n" + table;
  }

  private static String drivers(JsonNode drivers) {
    return StreamSupport.stream(drivers.spliterator(), false)
        .limit(DRIVERS_SHOWN)
        .map(d -> d.path("name").asText() + "=" + String.format("%.4g", d.path("value").asDouble()))
        .collect(Collectors.joining(", "));
  }
}
