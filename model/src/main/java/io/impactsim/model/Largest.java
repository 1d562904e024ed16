package io.impactsim.model;

import io.impactsim.schemas.avro.CompanyProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The largest companies of some segments by value: a deal's rivals, a report's peers. */
final class Largest {
  private Largest() {}

  /**
   * At most {@code max} companies of the segments, other than {@code excluded} and those without a
   * value, largest first (ties by id); returned by id with their values.
   */
  static Map<String, Long> inSegments(
      CompanyDirectory companies, Collection<String> segments, Set<String> excluded, int max) {
    Set<String> seen = new HashSet<>(excluded);
    List<Map.Entry<String, Long>> candidates = new ArrayList<>();
    for (String segment : segments) {
      for (CompanyProfile company : companies.inSegment(segment)) {
        Optional<Valuation> value = Valuation.of(company);
        if (value.isPresent() && seen.add(company.getId())) {
          candidates.add(Map.entry(company.getId(), value.get().valueUsd()));
        }
      }
    }
    candidates.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> largest = new TreeMap<>();
    candidates.stream().limit(max).forEach(e -> largest.put(e.getKey(), e.getValue()));
    return largest;
  }
}
