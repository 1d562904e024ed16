package io.impactsim.serve;

import io.impactsim.views.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries (v2) on the view stores of this instance, and where a key's active store
 * lives. Any state in which an answer could be partial (not running, rebalancing, restoring, a
 * partition moved away) is reported as {@link ApiError#unavailable}, so clients retry.
 */
final class ViewQueries {
  // A key no view has: looking it up touches every local partition without reading much.
  private static final String READY_PROBE_KEY = "~ready-probe";

  private final KafkaStreams streams;
  private final HostInfo self;

  ViewQueries(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  /** The instance holding the key's active store, or empty when it is this one. */
  Optional<HostInfo> owner(View view, String key) {
    requireRunning();
    if (singleInstance()) {
      return Optional.empty();
    }
    KeyQueryMetadata where =
        streams.queryMetadataForKey(view.store(), key, Serdes.String().serializer());
    if (where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw ApiError.unavailable("the " + view.id() + " store is being reassigned");
    }
    return isLocal(where.activeHost()) ? Optional.empty() : Optional.of(where.activeHost());
  }

  /** The other instances holding part of the view's store. */
  List<HostInfo> peers(View view) {
    requireRunning();
    List<HostInfo> peers = new ArrayList<>();
    for (StreamsMetadata m : streams.streamsMetadataForStore(view.store())) {
      if (!isLocal(m.hostInfo())) {
        peers.add(m.hostInfo());
      }
    }
    return peers;
  }

  /** The key's value in the local active stores. */
  <V> Optional<V> get(View view, String key) {
    requireRunning();
    StateQueryRequest<V> request =
        StateQueryRequest.inStore(view.store())
            .withQuery(KeyQuery.<String, V>withKey(key))
            .requireActive();
    StateQueryResult<V> result = run(view, () -> streams.query(request));
    for (QueryResult<V> partition : result.getPartitionResults().values()) {
      if (partition.isFailure()) {
        throw unavailable(view, partition);
      }
      if (partition.getResult() != null) {
        return Optional.of(partition.getResult());
      }
    }
    return Optional.empty();
  }

  /** Every local entry of the view whose key passes the filter. */
  <V> List<KeyValue<String, V>> scan(View view, Predicate<String> keys) {
    List<KeyValue<String, V>> out = new ArrayList<>();
    this.<V>forEach(view, keys, out::add);
    return out;
  }

  /**
   * Hands every local entry of the view whose key passes the filter to the action, one at a time,
   * as the stores' iterators give them: nothing is collected.
   */
  <V> void forEach(View view, Predicate<String> keys, Consumer<KeyValue<String, V>> action) {
    requireRunning();
    StateQueryRequest<KeyValueIterator<String, V>> request =
        StateQueryRequest.inStore(view.store())
            .withQuery(RangeQuery.<String, V>withNoBounds())
            .requireActive();
    StateQueryResult<KeyValueIterator<String, V>> result = run(view, () -> streams.query(request));
    RuntimeException failure = null;
    for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, V>>> e :
        result.getPartitionResults().entrySet()) {
      QueryResult<KeyValueIterator<String, V>> partition = e.getValue();
      if (partition.isFailure()) {
        failure = unavailable(view, partition);
        continue;
      }
      try (KeyValueIterator<String, V> it = partition.getResult()) {
        it.forEachRemaining(
            kv -> {
              if (kv.value != null && keys.test(kv.key)) {
                action.accept(kv);
              }
            });
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Whether every store is queryable: the application runs and no partition is restoring. */
  boolean ready() {
    try {
      for (View view : View.values()) {
        get(view, READY_PROBE_KEY);
      }
      return true;
    } catch (ApiError e) {
      return false;
    }
  }

  private void requireRunning() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw ApiError.unavailable("the streams application is " + state);
    }
  }

  // Without application.server no instance publishes where it runs: all partitions are local.
  private boolean singleInstance() {
    return streams.metadataForAllStreamsClients().isEmpty();
  }

  private boolean isLocal(HostInfo host) {
    return host.equals(self) || host.port() < 0;
  }

  private static <R> R run(View view, java.util.function.Supplier<R> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw ApiError.unavailable("the " + view.id() + " store is not queryable yet");
    }
  }

  private static ApiError unavailable(View view, QueryResult<?> failed) {
    return ApiError.unavailable(
        "the " + view.id() + " store is not queryable yet (" + failed.getFailureReason() + ")");
  }
}
