package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.ValueQualifier;
import java.util.EnumMap;
import java.util.Map;

/**
 * The accelerators of one vendor and model over a company's secured contracts: the sum of the known
 * counts, how many contracts left the count undisclosed, and how many gave a count under each
 * qualifier, so that a contract can be taken away again exactly.
 */
final class AcceleratorTally {
  final String vendor;
  final String model;
  long count;
  int unknown;
  final Map<ValueQualifier, Integer> qualifiers;

  AcceleratorTally(String vendor, String model) {
    this(vendor, model, 0, 0, new EnumMap<>(ValueQualifier.class));
  }

  AcceleratorTally(
      String vendor, String model, long count, int unknown, Map<ValueQualifier, Integer> q) {
    this.vendor = vendor;
    this.model = model;
    this.count = count;
    this.unknown = unknown;
    this.qualifiers = q.isEmpty() ? new EnumMap<>(ValueQualifier.class) : new EnumMap<>(q);
  }

  AcceleratorTally copy() {
    return new AcceleratorTally(vendor, model, count, unknown, qualifiers);
  }

  void add(Accelerator a, int sign) {
    if (a.getCount() == null) {
      unknown += sign;
      return;
    }
    count += sign * a.getCount();
    int n = qualifiers.getOrDefault(a.getCountQualifier(), 0) + sign;
    if (n == 0) {
      qualifiers.remove(a.getCountQualifier());
    } else {
      qualifiers.put(a.getCountQualifier(), n);
    }
  }

  boolean isEmpty() {
    return unknown == 0 && qualifiers.isEmpty();
  }

  /**
   * The model's total: known counts add up; the qualifier is shared if all agree, AT_LEAST when
   * some counts are unknown, APPROX when firm counts of different kinds mix.
   */
  Accelerator total() {
    boolean known = !qualifiers.isEmpty();
    ValueQualifier qualifier =
        !known
            ? ValueQualifier.UNDISCLOSED
            : unknown > 0
                ? ValueQualifier.AT_LEAST
                : qualifiers.size() > 1
                    ? ValueQualifier.APPROX
                    : qualifiers.keySet().iterator().next();
    return Accelerator.newBuilder()
        .setVendor(vendor)
        .setModel(model)
        .setCount(known ? count : null)
        .setCountQualifier(qualifier)
        .build();
  }
}
