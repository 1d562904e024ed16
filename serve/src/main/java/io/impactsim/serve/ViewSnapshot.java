package io.impactsim.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.views.View;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
      ObjectNode node = AvroToJson.MAPPER.createObjectNode();
      node.put("key", key);
      node.set("value", value == null ? AvroToJson.MAPPER.nullNode() : value);
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
          // Written entry by entry as the store's iterator gives them: an answer of any size
          // takes no more memory than one entry.
          ctx.contentType(ApiError.CONTENT_TYPE);
          try (JsonGenerator out = AvroToJson.MAPPER.createGenerator(ctx.outputStream())) {
            out.writeStartArray();
            forEachLocal(view, e -> write(out, e));
            out.writeEndArray();
          }
        });
  }

  /**
   * Hands every entry of the given views to the sink, one at a time, once the stores hold all view
   * records before {@code position}: this instance's as its stores give them, the others' as their
   * answers arrive. Nothing is collected, so the memory it takes does not grow with the views.
   *
   * @throws ApiError unavailable when the stores have not caught up within the timeout or a store
   *     cannot be read
   */
  void take(
      List<View> views,
      Map<TopicPartition, Long> position,
      Duration timeout,
      Consumer<Entry> sink) {
    awaitCommitted(position, timeout);
    for (View view : views) {
      forEachLocal(view, sink);
      for (HostInfo peer : queries.peers(view)) {
        forwarder.read(peer, PATH.replace("{view}", view.id()), body -> parse(view, body, sink));
      }
    }
  }

  /** This instance's entries of one view, one at a time. */
  void forEachLocal(View view, Consumer<Entry> sink) {
    queries.<SpecificRecord>forEach(
        view, k -> true, kv -> sink.accept(new Entry(view, kv.key, AvroToJson.toJson(kv.value))));
  }

  private static void write(JsonGenerator out, Entry e) {
    try {
      out.writeTree(e.node());
    } catch (IOException ioe) {
      throw new UncheckedIOException(ioe);
    }
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

  /** Reads a peer's array of entries element by element. */
  private static void parse(View view, InputStream body, Consumer<Entry> sink) {
    try (JsonParser in = AvroToJson.MAPPER.createParser(body)) {
      if (in.nextToken() != JsonToken.START_ARRAY) {
        throw ApiError.unavailable("another instance gave an unreadable answer");
      }
      while (in.nextToken() == JsonToken.START_OBJECT) {
        JsonNode node = AvroToJson.MAPPER.readTree(in);
        sink.accept(new Entry(view, node.path("key").asText(), node.get("value")));
      }
    } catch (IOException e) {
      throw ApiError.unavailable("another instance gave an unreadable answer");
    }
  }
}
