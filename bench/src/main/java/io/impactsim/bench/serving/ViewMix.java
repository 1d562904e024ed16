package io.impactsim.bench.serving;

import io.impactsim.views.View;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the synthetic view records are shared among the four views, as weights. The default follows
 * what the views wrote per event in the 1M-event benchmark (docs/performance.md): about two thirds
 * reactions (one per event), a sixth each market cap and capex, a little market share.
 */
public record ViewMix(Map<View, Integer> weights) {
  /** reactions=68, market-cap=16, capex=15, market-share=1. */
  public static final ViewMix DEFAULT =
      new ViewMix(
          Map.of(View.REACTIONS, 68, View.MARKET_CAP, 16, View.CAPEX, 15, View.MARKET_SHARE, 1));

  public ViewMix {
    EnumMap<View, Integer> copy = new EnumMap<>(View.class);
    weights.forEach(
        (view, weight) -> {
          if (weight < 0) {
            throw new IllegalArgumentException("the weight of " + view.id() + " is negative");
          }
          if (weight > 0) {
            copy.put(view, weight);
          }
        });
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("the mix needs at least one view with a positive weight");
    }
    weights = Map.copyOf(copy);
  }

  /**
   * Parses {@code view=weight,...}, e.g. {@code market-cap=1} or {@code reactions=68,capex=32};
   * views not named get no records.
   */
  public static ViewMix parse(String text) {
    EnumMap<View, Integer> weights = new EnumMap<>(View.class);
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      View view =
          View.byId(kv[0].trim())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown view '"
                              + kv[0].trim()
                              + "' in the mix; use market-share, capex, market-cap or reactions"));
      try {
        weights.put(view, kv.length == 2 ? Integer.parseInt(kv[1].trim()) : 1);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the weight of " + view.id() + " must be a whole number, was '" + kv[1].trim() + "'");
      }
    }
    return new ViewMix(weights);
  }

  public int weight(View view) {
    return weights.getOrDefault(view, 0);
  }

  /** The records of each view out of {@code total}: exact, the remainders to the first views. */
  public Map<View, Long> counts(long total) {
    int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
    EnumMap<View, Long> counts = new EnumMap<>(View.class);
    long given = 0;
    for (View view : View.values()) {
      long n = total * weight(view) / sum;
      counts.put(view, n);
      given += n;
    }
    for (View view : View.values()) {
      if (given == total) {
        break;
      }
      if (weight(view) > 0) {
        counts.merge(view, 1L, Long::sum);
        given++;
      }
    }
    return counts;
  }

  @Override
  public String toString() {
    return weights.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey().id() + "=" + e.getValue())
        .collect(Collectors.joining(",", "", ""))
        .toLowerCase(Locale.ROOT);
  }
}
