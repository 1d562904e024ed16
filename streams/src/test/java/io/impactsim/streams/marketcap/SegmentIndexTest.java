package io.impactsim.streams.marketcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.streams.impact.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

class SegmentIndexTest {
  /** The global store as a sorted map, counting full scans. */
  private static final class Profiles
      implements ReadOnlyKeyValueStore<String, ValueAndTimestamp<CompanyProfile>> {
    final TreeMap<String, ValueAndTimestamp<CompanyProfile>> byId = new TreeMap<>();
    int scans;

    Profiles(List<CompanyProfile> profiles) {
      profiles.forEach(p -> byId.put(p.getId(), ValueAndTimestamp.make(p, 0)));
    }

    @Override
    public ValueAndTimestamp<CompanyProfile> get(String key) {
      return byId.get(key);
    }

    @Override
    public KeyValueIterator<String, ValueAndTimestamp<CompanyProfile>> range(
        String from, String to) {
      return iterator(byId.subMap(from, true, to, true));
    }

    @Override
    public KeyValueIterator<String, ValueAndTimestamp<CompanyProfile>> all() {
      scans++;
      return iterator(byId);
    }

    @Override
    public long approximateNumEntries() {
      return byId.size();
    }

    private static KeyValueIterator<String, ValueAndTimestamp<CompanyProfile>> iterator(
        Map<String, ValueAndTimestamp<CompanyProfile>> entries) {
      List<Map.Entry<String, ValueAndTimestamp<CompanyProfile>>> list =
          List.copyOf(entries.entrySet());
      return new KeyValueIterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < list.size();
        }

        @Override
        public KeyValue<String, ValueAndTimestamp<CompanyProfile>> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Map.Entry<String, ValueAndTimestamp<CompanyProfile>> e = list.get(next++);
          return KeyValue.pair(e.getKey(), e.getValue());
        }

        @Override
        public String peekNextKey() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return list.get(next).getKey();
        }

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void processorsOfOneApplicationShareOneScanOfTheProfiles() {
    List<CompanyProfile> all = Fixtures.profiles();
    String segment = all.get(0).getSegments().get(0);
    List<String> expected =
        all.stream()
            .filter(p -> p.getSegments().contains(segment))
            .map(CompanyProfile::getId)
            .sorted()
            .toList();
    Profiles store = new Profiles(all);
    SegmentIndex shared = new SegmentIndex();
    ProfileDirectory deals = new ProfileDirectory(store, shared);
    ProfileDirectory restructurings = new ProfileDirectory(store, shared);

    List<CompanyProfile> members = deals.inSegment(segment);
    assertThat(members).extracting(CompanyProfile::getId).containsExactlyElementsOf(expected);
    assertThat(restructurings.inSegment(segment)).isSameAs(members);
    assertThat(restructurings.inSegment("no-such-segment")).isEmpty();
    assertThat(store.scans).isEqualTo(1);
    assertThatThrownBy(() -> members.add(all.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);

    ProfileDirectory elsewhere = new ProfileDirectory(store, new SegmentIndex());
    assertThat(elsewhere.inSegment(segment)).isEqualTo(members);
    assertThat(store.scans).as("another application scans for itself").isEqualTo(2);
  }
}
