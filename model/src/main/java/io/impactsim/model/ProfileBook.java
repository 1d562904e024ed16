package io.impactsim.model;

import io.impactsim.schemas.avro.CompanyProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every company's profile history, decoded once and shared by the processors of one application:
 * the global thread writes it as profiles arrive (the views' profile processor), the stream threads
 * read it. What the model sees is a function of the event's time and the profiles published so far,
 * never of processing time: {@link #at} gives each company's profile in effect at the event and the
 * members of a segment by those profiles.
 */
public final class ProfileBook {
  private final Map<String, ProfileHistory> histories = new ConcurrentHashMap<>();

  // Companies that list a segment in any of their profiles; whether they belong to it at an
  // event's time is decided by the profile in effect then. Sets are replaced, never changed.
  private final Map<String, Set<String>> segmentCandidates = new ConcurrentHashMap<>();

  /** Adds a profile (or the whole history of a company read back from the store). */
  public synchronized void put(String company, ProfileHistory history) {
    histories.put(company, history);
    for (CompanyProfile p : history.profiles()) {
      for (String segment : p.getSegments()) {
        Set<String> members = segmentCandidates.getOrDefault(segment, Set.of());
        if (!members.contains(company)) {
          TreeSet<String> next = new TreeSet<>(members);
          next.add(company);
          segmentCandidates.put(segment, next);
        }
      }
    }
  }

  /** The company's history, empty when it has no profile. */
  public ProfileHistory history(String company) {
    return histories.getOrDefault(company, ProfileHistory.empty());
  }

  /** The company's profile in effect at an event time. */
  public Optional<ProfileHistory.InEffect> inEffect(String company, Instant eventTime) {
    ProfileHistory h = histories.get(company);
    return h == null ? Optional.empty() : h.at(eventTime);
  }

  /** The companies as they were at an event time, for the model. */
  public CompanyDirectory at(Instant eventTime) {
    return new CompanyDirectory() {
      @Override
      public Optional<CompanyProfile> find(String companyId) {
        return inEffect(companyId, eventTime).map(ProfileHistory.InEffect::profile);
      }

      @Override
      public List<CompanyProfile> inSegment(String segment) {
        List<CompanyProfile> members = new ArrayList<>();
        for (String company : segmentCandidates.getOrDefault(segment, Set.of())) {
          find(company).filter(p -> p.getSegments().contains(segment)).ifPresent(members::add);
        }
        return members;
      }
    };
  }
}
