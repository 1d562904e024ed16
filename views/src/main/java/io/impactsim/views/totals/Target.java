package io.impactsim.views.totals;

import io.impactsim.schemas.keys.CompositeKey;
import java.util.List;

/**
 * What a change is for, as the key that brings it to the task keeping the totals: a company (its
 * market-cap value and capex) or a segment and period (its market share).
 */
public sealed interface Target {
  /** The key of the target on the repartition topic and in the totals' stores. */
  String key();

  /** A company: its market-cap value and its capex. */
  record Company(String id, String key) implements Target {
    public Company(String id) {
      this(id, CompositeKey.of("company", id));
    }
  }

  /** A segment and period: its market share. */
  record Segment(String segment, String period, String key) implements Target {
    public Segment(String segment, String period) {
      this(segment, period, CompositeKey.of("segment", segment, period));
    }
  }

  /** The target of a key made by {@link #key()}. */
  static Target of(String key) {
    List<String> parts = CompositeKey.parts(key);
    return switch (parts.get(0)) {
      case "company" -> new Company(parts.get(1));
      case "segment" -> new Segment(parts.get(1), parts.get(2));
      default -> throw new IllegalArgumentException("not a totals key: " + key);
    };
  }
}
