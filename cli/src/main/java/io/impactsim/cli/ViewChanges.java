package io.impactsim.cli;

import com.github.freva.asciitable.AsciiTable;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.CompanyReaction;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.views.read.ViewSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * The headline figures of every view compared between two namespaces, as a person reads them: one
 * row per figure that differs (a provider's share, a company's backlog or simulated value, a
 * reaction's impact), in money and percent, with the change.
 */
final class ViewChanges {
  /** How a figure is shown. */
  enum Unit {
    MONEY,
    RATIO,
    GIGAWATTS,
    COUNT
  }

  /** One differing figure; a side without the key or the figure holds null. */
  record Change(String view, String key, String figure, Unit unit, Double base, Double other) {}

  private ViewChanges() {}

  /** Every differing figure, by view, key and figure, of the views named (all when empty). */
  static List<Change> between(ViewSet base, ViewSet other, List<String> views) {
    List<Change> changes = new ArrayList<>();
    compare("market-share", base.marketShare(), other.marketShare(), ViewChanges::share, changes);
    compare("capex", base.capex(), other.capex(), ViewChanges::capex, changes);
    compare("reactions", base.reactions(), other.reactions(), ViewChanges::reactions, changes);
    compare("market-cap", base.marketCap(), other.marketCap(), ViewChanges::marketCap, changes);
    return changes.stream()
        .filter(c -> views == null || views.isEmpty() || views.contains(c.view()))
        .toList();
  }

  static String render(List<Change> changes, String baseName, String otherName) {
    if (changes.isEmpty()) {
      return "No differences: every view of " + otherName + " equals " + baseName + ".\n";
    }
    long keys = changes.stream().map(c -> c.view() + '\0' + c.key()).distinct().count();
    return AsciiTable.getTable(
            changes,
            List.of(
                Columns.left("View").with(Change::view),
                Columns.left("Key").maxWidth(36).with(Change::key),
                Columns.left("Figure").maxWidth(36).with(Change::figure),
                Columns.right(baseName).with(c -> format(c.unit(), c.base())),
                Columns.right(otherName).with(c -> format(c.unit(), c.other())),
                Columns.right("Change").with(ViewChanges::change),
                Columns.right("Change %").with(ViewChanges::relativeChange)))
        + "\n"
        + changes.size()
        + " figure(s) differ in "
        + keys
        + " key(s); --fields lists every field that differs.\n";
  }

  private static <V extends SpecificRecord> void compare(
      String view,
      Map<String, V> base,
      Map<String, V> other,
      Function<V, Map<String, Figure>> figures,
      List<Change> out) {
    TreeSet<String> keys = new TreeSet<>(base.keySet());
    keys.addAll(other.keySet());
    for (String key : keys) {
      Map<String, Figure> b = base.containsKey(key) ? figures.apply(base.get(key)) : Map.of();
      Map<String, Figure> o = other.containsKey(key) ? figures.apply(other.get(key)) : Map.of();
      Map<String, Unit> names = new LinkedHashMap<>();
      b.forEach((name, f) -> names.put(name, f.unit()));
      o.forEach((name, f) -> names.putIfAbsent(name, f.unit()));
      names.forEach(
          (name, unit) -> {
            Double bv = b.containsKey(name) ? b.get(name).value() : null;
            Double ov = o.containsKey(name) ? o.get(name).value() : null;
            if (!Objects.equals(bv, ov)) {
              out.add(new Change(view, key, name, unit, bv, ov));
            }
          });
    }
  }

  private record Figure(Unit unit, double value) {}

  private static Map<String, Figure> share(MarketShareSnapshot s) {
    Map<String, Figure> f = new LinkedHashMap<>();
    f.put("total committed", new Figure(Unit.MONEY, s.getTotalCommittedUsd()));
    for (MarketShareEntry e : s.getEntries()) {
      f.put(e.getProvider() + " share", new Figure(Unit.RATIO, e.getSharePct() / 100));
      f.put(e.getProvider() + " committed", new Figure(Unit.MONEY, e.getCommittedUsd()));
    }
    return f;
  }

  private static Map<String, Figure> capex(CapexCommitments c) {
    Map<String, Figure> f = new LinkedHashMap<>();
    f.put("committed as buyer", new Figure(Unit.MONEY, c.getCommittedAsBuyerUsd()));
    f.put("backlog as provider", new Figure(Unit.MONEY, c.getBacklogAsProviderUsd()));
    f.put("capacity", new Figure(Unit.GIGAWATTS, c.getCapacityGw()));
    f.put("deals", new Figure(Unit.COUNT, c.getDealCount()));
    return f;
  }

  private static Map<String, Figure> reactions(EventReactions r) {
    Map<String, Figure> f = new LinkedHashMap<>();
    for (CompanyReaction c : r.getReactions()) {
      f.put(c.getCompany() + " impact", new Figure(Unit.MONEY, c.getDollarImpactUsd()));
      f.put(c.getCompany() + " abnormal return", new Figure(Unit.RATIO, c.getAbnormalReturn()));
    }
    return f;
  }

  private static Map<String, Figure> marketCap(SimulatedMarketCap m) {
    Map<String, Figure> f = new LinkedHashMap<>();
    f.put("simulated value", new Figure(Unit.MONEY, m.getSimulatedValueUsd()));
    f.put("cum. abnormal return", new Figure(Unit.RATIO, m.getCumulativeAbnormalReturn()));
    f.put("events", new Figure(Unit.COUNT, m.getEventCount()));
    return f;
  }

  private static String format(Unit unit, Double value) {
    if (value == null) {
      return "-";
    }
    return switch (unit) {
      case MONEY -> Money.usd(Math.round(value));
      case RATIO -> Money.percent(value, 2);
      case GIGAWATTS -> String.format("%.2f GW", value);
      case COUNT -> String.format("%,d", Math.round(value));
    };
  }

  private static String change(Change c) {
    if (c.base() == null || c.other() == null) {
      return c.base() == null ? "added" : "removed";
    }
    double d = c.other() - c.base();
    String sign = d > 0 ? "+" : "";
    return switch (c.unit()) {
      case MONEY -> Money.signedUsd(Math.round(d));
      case RATIO -> String.format("%s%.2f pp", sign, d * 100);
      case GIGAWATTS -> String.format("%s%.2f GW", sign, d);
      case COUNT -> String.format("%s%,d", sign, Math.round(d));
    };
  }

  private static String relativeChange(Change c) {
    if (c.base() == null || c.other() == null || c.base() == 0) {
      return "-";
    }
    double ratio = (c.other() - c.base()) / Math.abs(c.base());
    return (ratio > 0 ? "+" : "") + Money.percent(ratio, 1);
  }
}
