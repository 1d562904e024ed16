package io.impactsim.cli;

import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.views.read.ViewSet;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the views of a namespace with the same tables as {@code impactsim query}. */
final class ReplayViews {
  static final List<String> NAMES = List.of("market-share", "capex", "market-cap", "reactions");

  private ReplayViews() {}

  /** The named views (all if the list is empty), one table after another. */
  static String render(ViewSet views, List<String> names) {
    List<String> wanted = names == null || names.isEmpty() ? NAMES : names;
    StringBuilder out = new StringBuilder();
    for (String name : wanted) {
      out.append(render(views, name)).append('\n');
    }
    return out.toString();
  }

  /** The snapshots that count something; periods with nothing counted are only counted. */
  static String marketShare(Collection<MarketShareSnapshot> snapshots) {
    List<MarketShareSnapshot> counted =
        snapshots.stream().filter(s -> !s.getEntries().isEmpty()).toList();
    if (counted.isEmpty()) {
      return "No market-share records with a counted deal.\n";
    }
    String tables =
        counted.stream().map(MarketShareTable::render).collect(Collectors.joining("\n"));
    int empty = snapshots.size() - counted.size();
    return empty == 0
        ? tables
        : tables + "\n" + empty + " segment period(s) with nothing counted not shown.\n";
  }

  private static String render(ViewSet views, String name) {
    return switch (name) {
      case "market-share" -> marketShare(views.marketShare().values());
      case "capex" -> CapexTable.render(views.capex().values()) + "\n";
      case "market-cap" -> MarketCapTable.render(views.marketCap().values()) + "\n";
      case "reactions" -> ReactionsTable.renderRecords(views.reactions().values()) + "\n";
      default ->
          throw new IllegalArgumentException(
              "unknown view '" + name + "': expected one of " + String.join(", ", NAMES));
    };
  }
}
