package io.impactsim.model;

import java.util.Properties;

/**
 * The bundled parameters with round values for the fitted ones: the parameters of the worked
 * examples in docs/impact-model.md, so that the examples and their tests do not change when the
 * model is recalibrated.
 */
final class RoundParameters {
  private RoundParameters() {}

  static Properties properties() {
    Properties p = ImpactModelConfig.bundledProperties();
    p.setProperty("deal.base_car", "0.002");
    p.setProperty("deal.size_coefficient", "0.1");
    p.setProperty("deal.size_exponent", "0.5");
    p.setProperty("deal.linked_size_exponent", "0.5");
    p.setProperty("deal.buyer_car", "0");
    p.setProperty("deal.buyer_size_coefficient", "0.2");
    p.setProperty("deal.supplier_size_coefficient", "0.1");
    p.setProperty("deal.party_car", "0");
    p.setProperty("deal.party_size_coefficient", "0.3");
    p.setProperty("deal.qualifier.UP_TO", "0.5");
    p.setProperty("deal.qualifier.IN_TALKS", "0.25");
    p.setProperty("deal.qualifier.UNDISCLOSED", "1.0");
    p.setProperty("earnings.erc", "3.0");
    p.setProperty("earnings.revenue_response", "1.0");
    p.setProperty("earnings.guidance_response", "2.0");
    p.setProperty("earnings.growth_response", "0.5");
    p.setProperty("earnings.capex_response", "-0.5");
    p.setProperty("earnings.peer_response", "0.5");
    p.setProperty("earnings.surprise_cap", "0.05");
    return p;
  }

  static ImpactModel model() {
    return new ImpactModel(ImpactModelConfig.fromProperties(properties(), "round parameters"));
  }
}
