package io.impactsim.streams.events;

import io.impactsim.streams.totals.Target;
import io.impactsim.streams.totals.TargetDelta;
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
  private final Map<String, TargetDelta> pending = new TreeMap<>();

  PendingChanges(KeyValueStore<String, TargetDelta> store) {
    this.store = store;
    try (KeyValueIterator<String, TargetDelta> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, TargetDelta> next = all.next();
        pending.put(next.key, next.value);
      }
    }
  }

  void add(Target target, TargetDelta change) {
    String key = target.key();
    TargetDelta sum = pending.computeIfAbsent(key, k -> new TargetDelta()).add(change);
    store.put(key, sum);
  }

  int size() {
    return pending.size();
  }

  /** Hands every pending sum to {@code send} and forgets it. */
  void flush(BiConsumer<String, TargetDelta> send) {
    for (Map.Entry<String, TargetDelta> e : pending.entrySet()) {
      send.accept(e.getKey(), e.getValue());
      store.delete(e.getKey());
    }
    pending.clear();
  }
}
