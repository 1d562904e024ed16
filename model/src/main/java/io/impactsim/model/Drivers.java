package io.impactsim.model;

import io.impactsim.schemas.avro.ImpactDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the named terms of one computation in the order they are applied, and the fitted terms
 * apart: a fitted term is a parameter of the model times a feature of the event, so that {@code
 * impactsim calibrate} can refit the parameter from the features.
 */
final class Drivers {
  private final List<ImpactDriver> terms = new ArrayList<>();
  private final Map<String, Double> features = new TreeMap<>();
  private double fitted;

  Drivers add(String name, double value, String explanation) {
    terms.add(new ImpactDriver(name, value, explanation));
    return this;
  }

  /**
   * A fitted term: {@code coefficient x feature}, the coefficient being the value of the parameter
   * named {@code parameter}. Returns the term's contribution to the abnormal return.
   */
  double term(String parameter, double coefficient, double feature) {
    features.merge(parameter, feature, Double::sum);
    double contribution = coefficient * feature;
    fitted += contribution;
    return contribution;
  }

  List<ImpactDriver> list() {
    return List.copyOf(terms);
  }

  Map<String, Double> features() {
    return Map.copyOf(features);
  }

  /** The sum of the fitted terms' contributions. */
  double fitted() {
    return fitted;
  }
}
