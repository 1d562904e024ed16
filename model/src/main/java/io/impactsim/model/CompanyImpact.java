package io.impactsim.model;

import io.impactsim.schemas.avro.ImpactDriver;
import java.util.List;
import java.util.Map;

/**
 * The modelled reaction of one company to one event: the expected abnormal return, its 5th and 95th
 * percentiles, and the named terms that produced it.
 *
 * @param role why the company is affected, e.g. provider, buyer, rival, supplier
 * @param fit how the return decomposes into fitted terms, for calibration
 */
public record CompanyImpact(
    String company,
    String role,
    double abnormalReturn,
    double lowReturn,
    double highReturn,
    List<ImpactDriver> drivers,
    Decomposition fit) {
  public CompanyImpact {
    drivers = List.copyOf(drivers);
  }

  public CompanyImpact(
      String company,
      String role,
      double abnormalReturn,
      double lowReturn,
      double highReturn,
      List<ImpactDriver> drivers) {
    this(
        company,
        role,
        abnormalReturn,
        lowReturn,
        highReturn,
        drivers,
        Decomposition.fixed(abnormalReturn));
  }

  /**
   * The abnormal return as {@code clamp(fixed + sum of parameter x feature, maxAbsReturn)}: the
   * features by the name of their parameter, and the part no fitted parameter scales.
   */
  public record Decomposition(Map<String, Double> features, double fixed, double maxAbsReturn) {
    public Decomposition {
      features = Map.copyOf(features);
    }

    static Decomposition fixed(double value) {
      return new Decomposition(Map.of(), value, Double.POSITIVE_INFINITY);
    }

    /** The return with other parameter values: those not in {@code parameters} count as zero. */
    public double predict(Map<String, Double> parameters) {
      double raw = fixed;
      for (Map.Entry<String, Double> f : features.entrySet()) {
        raw += parameters.getOrDefault(f.getKey(), 0.0) * f.getValue();
      }
      return Band.clamp(raw, maxAbsReturn);
    }
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
