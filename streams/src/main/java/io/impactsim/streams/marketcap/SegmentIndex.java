package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.CompanyProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The members of each segment, from a scan of every company profile, shared by the processors of
 * one application. A scan is kept for {@link #REFRESH}: scanning (and decoding) every profile for
 * each deal would cost more than the rest of the processing, while segment membership is reference
 * data that rarely changes. One index per application rather than per processor keeps a single
 * decoded copy of the profiles, which at 100,000 companies is most of the heap.
 */
final class SegmentIndex {
  static final Duration REFRESH = Duration.ofSeconds(10);

  private record Scan(Map<String, List<CompanyProfile>> bySegment, long atNanos) {}

  private volatile Scan scan;

  /** The profiles of the segment, ordered by id, scanning {@code profiles} when the scan is old. */
  List<CompanyProfile> inSegment(
      String segment, ReadOnlyKeyValueStore<String, ValueAndTimestamp<CompanyProfile>> profiles) {
    Scan current = scan;
    if (current == null || System.nanoTime() - current.atNanos() > REFRESH.toNanos()) {
      synchronized (this) {
        current = scan;
        if (current == null || System.nanoTime() - current.atNanos() > REFRESH.toNanos()) {
          current = new Scan(scan(profiles), System.nanoTime());
          scan = current;
        }
      }
    }
    return current.bySegment().getOrDefault(segment, List.of());
  }

  // The store's key order makes every list ordered by id.
  private static Map<String, List<CompanyProfile>> scan(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<CompanyProfile>> profiles) {
    Map<String, List<CompanyProfile>> bySegment = new HashMap<>();
    try (KeyValueIterator<String, ValueAndTimestamp<CompanyProfile>> all = profiles.all()) {
      while (all.hasNext()) {
        KeyValue<String, ValueAndTimestamp<CompanyProfile>> next = all.next();
        CompanyProfile p = next.value == null ? null : next.value.value();
        if (p != null) {
          p.getSegments().forEach(s -> bySegment.computeIfAbsent(s, x -> new ArrayList<>()).add(p));
        }
      }
    }
    Map<String, List<CompanyProfile>> frozen = new HashMap<>();
    bySegment.forEach((segment, members) -> frozen.put(segment, List.copyOf(members)));
    return Map.copyOf(frozen);
  }
}
