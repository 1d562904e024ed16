package io.impactsim.model;

import io.impactsim.schemas.avro.ImpactDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a new report's impacts that the market had not priced with the earlier report of the
 * same contract: the difference of expected returns, with the new report's band around it.
 */
final class Revisions {
  private Revisions() {}

  static List<CompanyImpact> increments(List<CompanyImpact> now, List<CompanyImpact> before) {
    Map<String, CompanyImpact> earlier = new LinkedHashMap<>();
    before.forEach(i -> earlier.put(i.company(), i));
    List<CompanyImpact> result = new ArrayList<>();
    for (CompanyImpact impact : now) {
      CompanyImpact old = earlier.remove(impact.company());
      result.add(old == null ? impact : shift(impact, old.abnormalReturn()));
    }
    for (CompanyImpact gone : earlier.values()) {
      // A party the new report no longer names: the earlier return is taken back, with the
      // earlier band's width.
      double mu = gone.abnormalReturn();
      double halfWidth = (gone.highReturn() - gone.lowReturn()) / 2;
      result.add(
          new CompanyImpact(
              gone.company(),
              gone.role(),
              -mu,
              -mu - halfWidth,
              -mu + halfWidth,
              List.of(superseded(mu, "earlier report's return, reversed by this report"))));
    }
    return result;
  }

  private static CompanyImpact shift(CompanyImpact impact, double priced) {
    List<ImpactDriver> drivers = new ArrayList<>(impact.drivers());
    drivers.add(superseded(priced, "already priced with the earlier report of this contract"));
    return new CompanyImpact(
        impact.company(),
        impact.role(),
        impact.abnormalReturn() - priced,
        impact.lowReturn() - priced,
        impact.highReturn() - priced,
        drivers);
  }

  private static ImpactDriver superseded(double value, String explanation) {
    return new ImpactDriver("superseded_return", value, explanation);
  }
}
