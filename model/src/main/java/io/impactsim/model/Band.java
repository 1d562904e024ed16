package io.impactsim.model;

import io.impactsim.model.CompanyImpact.Decomposition;
import io.impactsim.model.ImpactModelConfig.Sigma;

/**
 * Turns an expected abnormal return into a company impact with its 5th-95th percentile band. The
 * band is analytic, a normal approximation of the abnormal return (MacKinlay 1997: abnormal returns
 * are normal with the variance of the model's residual), so it is the same every time the same
 * event is processed.
 */
final class Band {
  private final double z;

  Band(double z) {
    this.z = z;
  }

  /**
   * The impact of a raw modelled return, bounded at {@code maxAbs}; the drivers record whether the
   * bound applied.
   */
  CompanyImpact impact(
      String company, String role, double raw, double maxAbs, Sigma sigma, Drivers drivers) {
    double mu = clamp(raw, maxAbs);
    drivers.add("clamped", raw == mu ? 0 : 1, "1 when capped at the section's max_abs_return");
    double s = sigma.of(mu);
    drivers
        .add("sigma", s, "standard deviation of the abnormal return: base + relative x |mu|")
        .add("band_z", z, "p5/p95 = mu -/+ band_z x sigma");
    Decomposition fit = new Decomposition(drivers.features(), raw - drivers.fitted(), maxAbs);
    return new CompanyImpact(company, role, mu, mu - z * s, mu + z * s, drivers.list(), fit);
  }

  /** Bounds a modelled return so that no single event can move a value beyond reason. */
  static double clamp(double value, double maxAbs) {
    return Math.max(-maxAbs, Math.min(maxAbs, value));
  }
}
