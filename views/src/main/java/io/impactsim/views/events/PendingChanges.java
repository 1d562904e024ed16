package io.impactsim.views.events;

import io.impactsim.schemas.keys.CompositeKey;
import io.impactsim.views.totals.Target;
import io.impactsim.views.totals.TargetDelta;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The changes an event task has computed and not yet sent, summed per target: a store, so that
 * changes of processed (and committed) events survive a crash, and a copy in memory, so that adding
 * to a target needs no read. Sending a target's sum once per flush instead of one record per event
 * and company is what keeps the repartition topic small: the sum is the same however the changes
 * are grouped.
 */
final class PendingChanges {
  private final KeyValueStore<String, TargetDelta> store;
  // Target key -> part (a provider, or "" for a company) -> sum.
  private final Map<String, Map<String, TargetDelta>> pending = new TreeMap<>();

  PendingChanges(KeyValueStore<String, TargetDelta> store) {
    this.store = store;
    try (KeyValueIterator<String, TargetDelta> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, TargetDelta> next = all.next();
        List<String> parts = CompositeKey.parts(next.key);
        pending.computeIfAbsent(parts.get(0), k -> new TreeMap<>()).put(parts.get(1), next.value);
      }
    }
  }

  void add(Target target, TargetDelta change) {
    Map<String, TargetDelta> parts = pending.computeIfAbsent(target.key(), k -> new TreeMap<>());
    if (change.share() == null) {
      put(target, parts, "", change);
    } else {
      change.share().byProvider().forEach((p, t) -> put(target, parts, p, TargetDelta.ofShare(t)));
    }
  }

  private void put(Target target, Map<String, TargetDelta> parts, String part, TargetDelta change) {
    TargetDelta sum = parts.computeIfAbsent(part, k -> new TargetDelta()).add(change);
    store.put(CompositeKey.of(target.key(), part), sum);
  }

  int size() {
    return pending.size();
  }

  /** Hands every target's pending sum to {@code send} and forgets it. */
  void flush(BiConsumer<String, TargetDelta> send) {
    for (Map.Entry<String, Map<String, TargetDelta>> e : pending.entrySet()) {
      TargetDelta sum = new TargetDelta();
      for (Map.Entry<String, TargetDelta> part : e.getValue().entrySet()) {
        sum.add(part.getValue());
        store.delete(CompositeKey.of(e.getKey(), part.getKey()));
      }
      send.accept(e.getKey(), sum);
    }
    pending.clear();
  }
}
