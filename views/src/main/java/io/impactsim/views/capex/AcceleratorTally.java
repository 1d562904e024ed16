package io.impactsim.views.capex;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.views.internal.ExactSum;
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
  ExactSum count = ExactSum.ZERO;
  long unknown;
  final Map<ValueQualifier, Long> qualifiers = new EnumMap<>(ValueQualifier.class);

  AcceleratorTally(String vendor, String model) {
    this.vendor = vendor;
    this.model = model;
  }

  void add(Accelerator a, int sign) {
    if (a.getCount() == null) {
      unknown += sign;
      return;
    }
    count = count.plus(sign * a.getCount());
    qualifiers.merge(a.getCountQualifier(), (long) sign, Long::sum);
    qualifiers.values().removeIf(n -> n == 0);
  }

  void add(AcceleratorTally o) {
    count = count.plus(o.count);
    unknown += o.unknown;
    o.qualifiers.forEach((q, n) -> qualifiers.merge(q, n, Long::sum));
    qualifiers.values().removeIf(n -> n == 0);
  }

  boolean isEmpty() {
    return unknown == 0 && qualifiers.isEmpty() && count.isZero();
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
        .setCount(known ? count.toLongSaturated() : null)
        .setCountQualifier(qualifier)
        .build();
  }
}
