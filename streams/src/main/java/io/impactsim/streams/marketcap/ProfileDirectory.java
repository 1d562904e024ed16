package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.streams.impact.CompanyDirectory;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The model's view of the global store of company profiles. A profile looked up by id is always the
 * latest; the members of a segment come from the application's {@link SegmentIndex}, refreshed
 * every {@link SegmentIndex#REFRESH}.
 */
final class ProfileDirectory implements CompanyDirectory {
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<CompanyProfile>> store;
  private final SegmentIndex segments;

  ProfileDirectory(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<CompanyProfile>> store,
      SegmentIndex segments) {
    this.store = store;
    this.segments = segments;
  }

  @Override
  public Optional<CompanyProfile> find(String companyId) {
    ValueAndTimestamp<CompanyProfile> v = store.get(companyId);
    return v == null ? Optional.empty() : Optional.ofNullable(v.value());
  }

  @Override
  public List<CompanyProfile> inSegment(String segment) {
    return segments.inSegment(segment, store);
  }
}
