package io.impactsim.views.read;

/**
 * One field of one view record that differs between two namespaces.
 *
 * @param view the view (market-share, capex, reactions, market-cap)
 * @param key the record's key
 * @param field the field's path, e.g. {@code entries[0].sharePct}; empty when the whole record is
 *     only on one side
 * @param base the value in the base namespace, or {@code -} if absent
 * @param other the value in the other namespace, or {@code -} if absent
 */
public record Difference(String view, String key, String field, String base, String other) {
  /** Shown for a record or field that one side does not have. */
  public static final String ABSENT = "-";
}
