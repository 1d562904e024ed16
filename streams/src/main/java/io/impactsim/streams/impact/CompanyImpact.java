package io.impactsim.streams.impact;

import io.impactsim.schemas.avro.ImpactDriver;
import java.util.List;

/**
 * The modelled reaction of one company to one event: the expected abnormal return, its 5th and 95th
 * percentiles, and the named terms that produced it.
 *
 * @param role why the company is affected, e.g. provider, buyer, rival, supplier
 */
public record CompanyImpact(
    String company,
    String role,
    double abnormalReturn,
    double lowReturn,
    double highReturn,
    List<ImpactDriver> drivers) {
  public CompanyImpact {
    drivers = List.copyOf(drivers);
  }

  /** The value of a named driver, for explanations and tests. */
  public double driver(String name) {
    return drivers.stream()
        .filter(d -> d.getName().equals(name))
        .mapToDouble(ImpactDriver::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no driver '" + name + "'"));
  }
}
