package io.impactsim.model;

import io.impactsim.schemas.avro.CompanyProfile;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The company profiles the model may consult: one by id, or every company of a segment. */
public interface CompanyDirectory {

  Optional<CompanyProfile> find(String companyId);

  /** The companies competing in a segment, ordered by id so that results are deterministic. */
  List<CompanyProfile> inSegment(String segment);

  /** A directory over a fixed set of profiles. */
  static CompanyDirectory of(Collection<CompanyProfile> profiles) {
    Map<String, CompanyProfile> byId =
        profiles.stream()
            .collect(Collectors.toMap(CompanyProfile::getId, Function.identity(), (a, b) -> b));
    return new CompanyDirectory() {
      @Override
      public Optional<CompanyProfile> find(String companyId) {
        return Optional.ofNullable(byId.get(companyId));
      }

      @Override
      public List<CompanyProfile> inSegment(String segment) {
        return byId.values().stream()
            .filter(p -> p.getSegments().contains(segment))
            .sorted(Comparator.comparing(CompanyProfile::getId))
            .toList();
      }
    };
  }
}
