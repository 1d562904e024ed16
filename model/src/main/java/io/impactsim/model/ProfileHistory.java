package io.impactsim.model;

import io.impactsim.schemas.avro.CompanyProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every profile of one company, one per reference date, in date order. A profile's figures are a
 * close on its reference date, so it takes effect for events from the next day on: the profile in
 * effect at an event is the latest one dated before the event's day (UTC), and for an event before
 * all of them the earliest, whose value then stands for the company's value at the event.
 */
public record ProfileHistory(List<CompanyProfile> profiles) {
  private static final Comparator<CompanyProfile> BY_DATE =
      Comparator.comparing(CompanyProfile::getReferenceDate);

  public ProfileHistory {
    profiles = profiles.stream().sorted(BY_DATE).toList();
  }

  public static ProfileHistory empty() {
    return new ProfileHistory(List.of());
  }

  /** This history with a profile added; a profile of the same reference date is replaced. */
  public ProfileHistory with(CompanyProfile profile) {
    List<CompanyProfile> next = new ArrayList<>(profiles.size() + 1);
    for (CompanyProfile p : profiles) {
      if (!p.getReferenceDate().equals(profile.getReferenceDate())) {
        next.add(p);
      }
    }
    next.add(profile);
    return new ProfileHistory(next);
  }

  /** The profile in effect at an event time, empty only for a company without profiles. */
  public Optional<InEffect> at(Instant eventTime) {
    if (profiles.isEmpty()) {
      return Optional.empty();
    }
    LocalDate day = LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
    CompanyProfile inEffect = null;
    for (CompanyProfile p : profiles) {
      if (p.getReferenceDate().isBefore(day)) {
        inEffect = p;
      } else {
        break;
      }
    }
    return Optional.of(
        inEffect == null ? new InEffect(profiles.get(0), true) : new InEffect(inEffect, false));
  }

  /** The newest profile. */
  public Optional<CompanyProfile> latest() {
    return profiles.isEmpty() ? Optional.empty() : Optional.of(profiles.get(profiles.size() - 1));
  }

  /**
   * A profile in effect at an event.
   *
   * @param beforeAll the event is on or before the day of every profile: the earliest one stands
   *     in, and the event is already in its value
   */
  public record InEffect(CompanyProfile profile, boolean beforeAll) {}
}
