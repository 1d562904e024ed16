package io.impactsim.views.events;

import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.views.marketcap.CompanyValue;
import io.impactsim.views.marketcap.Reactions;
import io.impactsim.views.totals.Target;
import io.impactsim.views.totals.TargetDelta;
import java.util.Map;

/** Where the event handlers put what they compute. */
interface Outputs {
  /**
   * Publishes an event's reactions record, replacing an earlier one of the same event. An event
   * delivered again sends its record again as it stands, changing no total: the reactions view is
   * the one output sent straight from the event pass rather than from a store's changelog, so a
   * record lost with a partly committed transaction (seen after a long broker outage) comes back
   * with the event's next delivery, and an intact one is replaced by the same bytes.
   */
  void reactions(EventReactions record);

  /** Adds a change to a target's totals; changes are sent on in batches. */
  void change(Target target, TargetDelta change);

  /**
   * Publishes a priced event and sends what its reactions change against what an earlier pricing of
   * the same event sent; returns what is now sent.
   */
  default Map<String, CompanyValue> publish(
      Reactions.Priced priced, Map<String, CompanyValue> sent) {
    reactions(priced.record());
    priced.contributions().forEach((c, v) -> change(new Target.Company(c), TargetDelta.ofValue(v)));
    sent.forEach((c, v) -> change(new Target.Company(c), TargetDelta.ofValue(v.negated())));
    return priced.contributions();
  }
}
