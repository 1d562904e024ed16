package io.impactsim.streams.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The current entries of every view, read from the view stores of every instance: this one's
 * through interactive queries, the others' through their {@value #PATH} route. A snapshot is taken
 * for a position of the live feed, and only once the stores hold everything before it: the
 * application's group has committed at least that position in every view partition, and a store
 * that is queryable holds at least what was committed. The changes at or after the position come
 * from the feed, so none falls between the snapshot and the live changes.
 */
final class ViewSnapshot {
  /** The route that answers with this instance's entries of one view. */
  static final String PATH = "/internal/view-entries/{view}";

  private static final long POLL_MS = 100;

  /** One entry of a view: its key and current record. */
  record Entry(View view, String key, JsonNode value) {
    /** The entry as the live stream sends it: {@code {"key": ..., "value": ...}}. */
    ObjectNode node() {
      ObjectNode node = AvroJson.MAPPER.createObjectNode();
      node.put("key", key);
      node.set("value", value == null ? AvroJson.MAPPER.nullNode() : value);
      return node;
    }
  }

  private final ViewQueries queries;
  private final Admin admin;
  private final String applicationId;
  private final Forwarder forwarder = new Forwarder();

  ViewSnapshot(ViewQueries queries, Admin admin, String applicationId) {
    this.queries = queries;
    this.admin = admin;
    this.applicationId = applicationId;
  }

  void addTo(RoutesConfig routes) {
    routes.get(
        PATH,
        ctx -> {
          Params.only(ctx, Set.of());
          View view =
              View.byId(ctx.pathParam("view"))
                  .orElseThrow(() -> ApiError.notFound(ApiError.NOT_FOUND_MESSAGE));
          ArrayNode array = AvroJson.MAPPER.createArrayNode();
          for (Entry e : local(view)) {
            array.add(e.node());
          }
          ApiRoutes.json(ctx, array);
        });
  }

  /**
   * Every entry of every view, once the stores hold all view records before {@code position}.
   *
   * @throws ApiError unavailable when the stores have not caught up within the timeout or a store
   *     cannot be read
   */
  List<Entry> take(Map<TopicPartition, Long> position, Duration timeout) {
    return take(List.of(View.values()), position, timeout);
  }

  /** The entries of the given views, as {@link #take(Map, Duration)}. */
  List<Entry> take(List<View> views, Map<TopicPartition, Long> position, Duration timeout) {
    awaitCommitted(position, timeout);
    List<Entry> entries = new ArrayList<>();
    for (View view : views) {
      entries.addAll(local(view));
      for (HostInfo peer : queries.peers(view)) {
        forwarder
            .get(peer, PATH.replace("{view}", view.id()))
            .ifPresent(body -> entries.addAll(parse(view, body)));
      }
    }
    return entries;
  }

  /** This instance's entries of one view. */
  List<Entry> local(View view) {
    List<Entry> entries = new ArrayList<>();
    queries
        .<SpecificRecord>scan(view, k -> true)
        .forEach(kv -> entries.add(new Entry(view, kv.key, AvroJson.toJson(kv.value))));
    return entries;
  }

  private void awaitCommitted(Map<TopicPartition, Long> position, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<TopicPartition> behind = behind(position, deadline);
      if (behind.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw ApiError.unavailable("the view stores have not caught up with " + behind + " yet");
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiError.unavailable("interrupted while waiting for the view stores");
      }
    }
  }

  private List<TopicPartition> behind(Map<TopicPartition, Long> position, long deadline) {
    List<TopicPartition> behind = new ArrayList<>();
    if (position.values().stream().allMatch(p -> p == 0)) {
      return behind;
    }
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      committed =
          admin
              .listConsumerGroupOffsets(applicationId)
              .partitionsToOffsetAndMetadata()
              .get(wait, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw ApiError.unavailable("cannot read the application's committed offsets");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted while reading the committed offsets");
    }
    position.forEach(
        (tp, offset) -> {
          OffsetAndMetadata c = committed.get(tp);
          if (offset > 0 && (c == null || c.offset() < offset)) {
            behind.add(tp);
          }
        });
    return behind;
  }

  private static List<Entry> parse(View view, String body) {
    List<Entry> entries = new ArrayList<>();
    try {
      for (JsonNode node : AvroJson.MAPPER.readTree(body)) {
        entries.add(new Entry(view, node.path("key").asText(), node.get("value")));
      }
    } catch (JsonProcessingException e) {
      throw ApiError.unavailable("another instance gave an unreadable answer");
    }
    return entries;
  }
}
