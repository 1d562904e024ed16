package io.impactsim.model.calibrate;

import io.impactsim.model.CompanyImpact.Decomposition;
import java.util.Map;

/**
 * An observed reaction beside the model's view of it: the role the model gives the company in the
 * event and the decomposition of its modelled return, or none when the model does not price the
 * company at that event.
 *
 * @param party whether the event names the company (the naive baseline prices only parties)
 * @param valued whether the company had a valued profile at the event (else nothing can price it)
 */
public record Sample(
    ObservedReaction observed,
    String eventType,
    String role,
    boolean party,
    boolean valued,
    Decomposition fit) {

  /** The modelled abnormal return with the given parameters; 0 when the model does not price it. */
  public double predict(Map<String, Double> parameters) {
    return fit == null ? 0 : fit.predict(parameters);
  }

  /** The feature of a parameter, 0 when the company's return does not use it. */
  public double feature(String parameter) {
    return fit == null ? 0 : fit.features().getOrDefault(parameter, 0.0);
  }
}
