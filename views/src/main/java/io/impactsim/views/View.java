package io.impactsim.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * The four served views: the name they go by in the API, the stream and the metrics, the topic that
 * carries them and the queryable store that holds their latest record per key.
 */
public enum View {
  MARKET_SHARE("market-share", TopicCatalog::marketShare),
  CAPEX("capex", TopicCatalog::capex),
  MARKET_CAP("market-cap", TopicCatalog::marketCap),
  REACTIONS("reactions", TopicCatalog::marketCapReactions);

  private final String id;
  private final Function<TopicCatalog, Topic<String, ? extends SpecificRecord>> topic;

  View(String id, Function<TopicCatalog, Topic<String, ? extends SpecificRecord>> topic) {
    this.id = id;
    this.topic = topic;
  }

  /** The view's name in URLs, SSE event names and metric tags, e.g. {@code market-cap}. */
  public String id() {
    return id;
  }

  /** Name of the store holding the view's latest record per key. */
  public String store() {
    return "served-" + id;
  }

  /** The view's output topic in the given namespace. */
  @SuppressWarnings("unchecked")
  public <V extends SpecificRecord> Topic<String, V> topic(TopicCatalog topics) {
    return (Topic<String, V>) topic.apply(topics);
  }

  /**
   * The API's rows of one record: the record itself, or for reactions one row per company, each
   * carrying its event's id, type, time, model version and shared terms.
   */
  public List<JsonNode> rows(SpecificRecord record) {
    ObjectNode json = AvroToJson.toJson(record);
    if (this != REACTIONS) {
      return List.of(json);
    }
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode reaction : json.path("reactions")) {
      ObjectNode row = AvroToJson.MAPPER.createObjectNode();
      for (String field : List.of("eventId", "eventType", "occurredAt", "modelVersion")) {
        row.set(field, json.get(field));
      }
      row.setAll((ObjectNode) reaction);
      row.set("terms", json.get("terms"));
      rows.add(row);
    }
    return rows;
  }

  /** The view of the given name, if there is one. */
  public static Optional<View> byId(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }
}
