package io.impactsim.streams.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain JSON for the generated view records, as a web page or a script expects it: optional fields
 * are a value or null (not Avro's union wrappers), timestamps and dates are ISO-8601 text, enums
 * are their symbol. {@link #fromJson} reads the same shape back into the generated classes.
 */
public final class AvroJson {
  /** The mapper used for every JSON body of the serving layer. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  /** The record as a JSON object. */
  public static ObjectNode toJson(SpecificRecord record) {
    return (ObjectNode) toJson(record, record.getSchema());
  }

  /** Reads a JSON object of {@link #toJson}'s shape into the generated class of the schema. */
  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecord> T fromJson(JsonNode json, Schema schema) {
    return (T) read(json, schema);
  }

  private static JsonNode toJson(Object datum, Schema schema) {
    if (datum == null) {
      return NODES.nullNode();
    }
    return switch (schema.getType()) {
      case RECORD -> record((IndexedRecord) datum, schema);
      case UNION -> toJson(datum, branch(schema));
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        ((Collection<?>) datum).forEach(item -> array.add(toJson(item, schema.getElementType())));
        yield array;
      }
      case MAP -> {
        ObjectNode map = NODES.objectNode();
        ((Map<?, ?>) datum)
            .forEach((k, v) -> map.set(k.toString(), toJson(v, schema.getValueType())));
        yield map;
      }
      case INT, LONG -> scalar(datum);
      case FLOAT, DOUBLE -> {
        double d = ((Number) datum).doubleValue();
        yield Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
      }
      case BOOLEAN -> NODES.booleanNode((Boolean) datum);
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) datum)));
      default -> NODES.textNode(datum.toString());
    };
  }

  private static ObjectNode record(IndexedRecord record, Schema schema) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field f : schema.getFields()) {
      node.set(f.name(), toJson(record.get(f.pos()), f.schema()));
    }
    return node;
  }

  private static JsonNode scalar(Object datum) {
    if (datum instanceof Instant || datum instanceof LocalDate) {
      return NODES.textNode(datum.toString());
    }
    return datum instanceof Integer i ? NODES.numberNode(i) : NODES.numberNode((Long) datum);
  }

  private static Object read(JsonNode json, Schema schema) {
    if (json == null || json.isNull()) {
      return null;
    }
    LogicalType logical = schema.getLogicalType();
    return switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
        for (Schema.Field f : schema.getFields()) {
          record.put(f.pos(), read(json.get(f.name()), f.schema()));
        }
        yield record;
      }
      case UNION -> read(json, branch(schema));
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        json.forEach(item -> items.add(read(item, schema.getElementType())));
        yield items;
      }
      case MAP -> {
        Map<String, Object> map = new LinkedHashMap<>();
        json.properties()
            .forEach(e -> map.put(e.getKey(), read(e.getValue(), schema.getValueType())));
        yield map;
      }
      case ENUM -> SpecificData.get().createEnum(json.asText(), schema);
      case INT ->
          logical instanceof LogicalTypes.Date ? LocalDate.parse(json.asText()) : json.asInt();
      case LONG ->
          logical instanceof LogicalTypes.TimestampMillis
              ? Instant.parse(json.asText())
              : json.asLong();
      case FLOAT -> (float) json.asDouble();
      case DOUBLE -> json.isNumber() ? json.asDouble() : Double.NaN;
      case BOOLEAN -> json.asBoolean();
      case BYTES -> ByteBuffer.wrap(Base64.getDecoder().decode(json.asText()));
      default -> json.asText();
    };
  }

  // The view schemas only use unions of null and one other type.
  private static Schema branch(Schema union) {
    return union.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("union without a non-null branch"));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
