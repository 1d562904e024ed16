package io.impactsim.model;

import io.impactsim.model.ImpactModelConfig.DealParameters;
import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.DealAnnounced;

/**
 * What a deal is worth to the model: the disclosed value, else what the event says of it (a stated
 * range, capacity in GW, counts of accelerators), else an assumed value for an undisclosed deal;
 * then weighted by how firm the announcement is.
 *
 * @param impliedUsd the value before the qualifier weight
 * @param basis where the value comes from
 * @param qualifierWeight weight of the deal's value qualifier
 */
record DealValue(double impliedUsd, Basis basis, double qualifierWeight) {

  /** Where a deal's implied value comes from, in order of preference. */
  enum Basis {
    DISCLOSED("the disclosed value"),
    RANGE("the midpoint of the stated range (its one end when only one is stated)"),
    CAPACITY("capacity in GW x deal.implied.usd_per_gw"),
    ACCELERATORS("counted accelerators x their price (deal.implied.accelerator_usd)"),
    UNDISCLOSED("deal.implied.undisclosed_usd: nothing in the event states a size");

    private final String explanation;

    Basis(String explanation) {
      this.explanation = explanation;
    }
  }

  static DealValue of(DealAnnounced deal, DealParameters p) {
    double weight = p.qualifierWeight(deal.getValueQualifier());
    if (deal.getValueUsd() != null && deal.getValueUsd() > 0) {
      return new DealValue(deal.getValueUsd(), Basis.DISCLOSED, weight);
    }
    Long low = deal.getValueLowUsd();
    Long high = deal.getValueHighUsd();
    if (low != null || high != null) {
      double value = low == null ? high : high == null ? low : (low / 2.0 + high / 2.0);
      return new DealValue(value, Basis.RANGE, weight);
    }
    if (deal.getCapacityGw() != null && deal.getCapacityGw() > 0) {
      return new DealValue(deal.getCapacityGw() * p.implied().usdPerGw(), Basis.CAPACITY, weight);
    }
    double chips = acceleratorUsd(deal, null, p);
    if (chips > 0) {
      return new DealValue(chips, Basis.ACCELERATORS, weight);
    }
    return new DealValue(p.implied().undisclosedUsd(), Basis.UNDISCLOSED, weight);
  }

  /** The value the terms use: implied value x qualifier weight. */
  double effectiveUsd() {
    return impliedUsd * qualifierWeight;
  }

  /** Counted accelerators x their price, of one vendor or of all when {@code vendor} is null. */
  static double acceleratorUsd(DealAnnounced deal, String vendor, DealParameters p) {
    double sum = 0;
    for (Accelerator a : deal.getAccelerators()) {
      if (a.getCount() != null && (vendor == null || vendor.equals(a.getVendor()))) {
        sum += a.getCount() * p.implied().priceOf(a.getModel());
      }
    }
    return sum;
  }

  Drivers describe(Drivers d) {
    return d.add("implied_value_usd", impliedUsd, basis.explanation)
        .add("qualifier_weight", qualifierWeight, "how firm the announced value is");
  }
}
