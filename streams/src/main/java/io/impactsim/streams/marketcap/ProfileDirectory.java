package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.streams.impact.CompanyDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The model's view of the global store of company profiles. A profile looked up by id is always the
 * latest; the members of a segment come from a scan of every profile that is kept for {@link
 * #SEGMENT_REFRESH}, since scanning (and decoding) every profile for each deal would cost more than
 * the rest of the processing, while segment membership is reference data that rarely changes.
 */
final class ProfileDirectory implements CompanyDirectory {
  static final Duration SEGMENT_REFRESH = Duration.ofSeconds(10);

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<CompanyProfile>> store;
  private Map<String, List<CompanyProfile>> segments;
  private long scannedAtNanos;

  ProfileDirectory(ReadOnlyKeyValueStore<String, ValueAndTimestamp<CompanyProfile>> store) {
    this.store = store;
  }

  @Override
  public Optional<CompanyProfile> find(String companyId) {
    ValueAndTimestamp<CompanyProfile> v = store.get(companyId);
    return v == null ? Optional.empty() : Optional.ofNullable(v.value());
  }

  @Override
  public List<CompanyProfile> inSegment(String segment) {
    long now = System.nanoTime();
    if (segments == null || now - scannedAtNanos > SEGMENT_REFRESH.toNanos()) {
      segments = scan();
      scannedAtNanos = now;
    }
    return segments.getOrDefault(segment, List.of());
  }

  // The store's key order makes every list ordered by id.
  private Map<String, List<CompanyProfile>> scan() {
    Map<String, List<CompanyProfile>> bySegment = new HashMap<>();
    try (KeyValueIterator<String, ValueAndTimestamp<CompanyProfile>> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ValueAndTimestamp<CompanyProfile>> next = all.next();
        CompanyProfile p = next.value == null ? null : next.value.value();
        if (p != null) {
          p.getSegments().forEach(s -> bySegment.computeIfAbsent(s, x -> new ArrayList<>()).add(p));
        }
      }
    }
    return bySegment;
  }
}
