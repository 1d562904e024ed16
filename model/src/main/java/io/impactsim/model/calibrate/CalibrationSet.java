package io.impactsim.model.calibrate;

import io.impactsim.model.CompanyDirectory;
import io.impactsim.model.CompanyImpact;
import io.impactsim.model.EarningsHistory;
import io.impactsim.model.ImpactModel;
import io.impactsim.model.ImpactModelConfig;
import io.impactsim.model.ProfileBook;
import io.impactsim.model.ProfileHistory;
import io.impactsim.model.Valuation;
import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealParty;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.StakeChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * A history and the reactions observed to its events. Each event is priced as the streams
 * application prices it: against the profiles in effect at the event's time, an earnings report
 * against the company's earlier quarters.
 */
public final class CalibrationSet {
  private final Map<String, SpecificRecord> events = new HashMap<>();
  private final ProfileBook profiles = new ProfileBook();
  private final Map<String, EarningsHistory> earnings = new HashMap<>();
  private final List<ObservedReaction> reactions;

  /**
   * @param history the history's records: company profiles, deals, earnings and restructurings
   * @throws IllegalArgumentException when a reaction names an event the history lacks
   */
  public CalibrationSet(List<SpecificRecord> history, List<ObservedReaction> reactions) {
    Map<String, ProfileHistory> byCompany = new HashMap<>();
    for (SpecificRecord record : history) {
      if (record instanceof CompanyProfile p) {
        byCompany.merge(p.getId(), ProfileHistory.empty().with(p), (a, b) -> a.with(p));
      } else {
        events.put(eventId(record), record);
        if (record instanceof EarningsReported e) {
          earnings.merge(
              e.getCompany(),
              EarningsHistory.empty().with(e, Integer.MAX_VALUE),
              (a, b) -> a.with(e, Integer.MAX_VALUE));
        }
      }
    }
    byCompany.forEach(profiles::put);
    List<String> unknown = new ArrayList<>();
    for (ObservedReaction r : reactions) {
      if (!events.containsKey(r.eventId())) {
        unknown.add("line " + r.line() + ": no event '" + r.eventId() + "' in the history");
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", unknown));
    }
    this.reactions = List.copyOf(reactions);
  }

  public List<ObservedReaction> reactions() {
    return reactions;
  }

  /** Every reaction beside the model's pricing of it under {@code config}. */
  public List<Sample> samples(ImpactModelConfig config) {
    ImpactModel model = new ImpactModel(config);
    Map<String, List<CompanyImpact>> priced = new HashMap<>();
    List<Sample> samples = new ArrayList<>(reactions.size());
    for (ObservedReaction r : reactions) {
      SpecificRecord event = events.get(r.eventId());
      List<CompanyImpact> impacts = priced.computeIfAbsent(r.eventId(), id -> price(model, event));
      CompanyImpact impact =
          impacts.stream().filter(i -> i.company().equals(r.company())).findFirst().orElse(null);
      samples.add(
          new Sample(
              r,
              type(event),
              impact == null ? "unpriced" : impact.role(),
              parties(event).contains(r.company()),
              profiles.at(occurredAt(event)).find(r.company()).flatMap(Valuation::of).isPresent(),
              impact == null ? null : impact.fit()));
    }
    return samples;
  }

  private List<CompanyImpact> price(ImpactModel model, SpecificRecord event) {
    Instant at = occurredAt(event);
    CompanyDirectory directory = profiles.at(at);
    if (event instanceof DealAnnounced d) {
      return model.deal(d, directory);
    }
    if (event instanceof EarningsReported e) {
      return model.earnings(e, earnings.get(e.getCompany()), directory);
    }
    if (event instanceof RestructuringAnnounced r) {
      return model.restructuring(r, directory);
    }
    throw new IllegalArgumentException("not an event: " + event.getSchema().getFullName());
  }

  /** The companies an event names. */
  static Set<String> parties(SpecificRecord event) {
    Set<String> parties = new LinkedHashSet<>();
    if (event instanceof DealAnnounced d) {
      parties.add(d.getProvider());
      parties.add(d.getBuyer());
      d.getAccelerators().stream().map(Accelerator::getVendor).forEach(parties::add);
      d.getParties().stream().map(DealParty::getCompany).forEach(parties::add);
    } else if (event instanceof EarningsReported e) {
      parties.add(e.getCompany());
    } else if (event instanceof RestructuringAnnounced r) {
      parties.add(r.getCompany());
      parties.addAll(r.getAffectedParties());
      r.getStakeChanges().stream().map(StakeChange::getHolder).forEach(parties::add);
    }
    return parties;
  }

  private static String type(SpecificRecord event) {
    if (event instanceof DealAnnounced) {
      return "deal";
    }
    return event instanceof EarningsReported ? "earnings" : "restructuring";
  }

  private static String eventId(SpecificRecord event) {
    if (event instanceof DealAnnounced d) {
      return d.getMeta().getEventId();
    }
    if (event instanceof EarningsReported e) {
      return e.getMeta().getEventId();
    }
    if (event instanceof RestructuringAnnounced r) {
      return r.getMeta().getEventId();
    }
    throw new IllegalArgumentException("not an event: " + event.getSchema().getFullName());
  }

  private static Instant occurredAt(SpecificRecord event) {
    if (event instanceof DealAnnounced d) {
      return d.getMeta().getOccurredAt();
    }
    if (event instanceof EarningsReported e) {
      return e.getMeta().getOccurredAt();
    }
    return ((RestructuringAnnounced) event).getMeta().getOccurredAt();
  }
}
