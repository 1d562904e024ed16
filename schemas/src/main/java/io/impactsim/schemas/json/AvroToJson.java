package io.impactsim.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON form of the records, as a web page, a script or a history file has it: optional fields
 * are a value or null (not Avro's union wrappers), timestamps and dates are ISO-8601 text, enums
 * are their symbol, bytes are Base64 text. {@link JsonToAvro} reads the same form back, strictly;
 * the two are the project's one mapping between JSON and the records.
 */
public final class AvroToJson {
  /** A mapper for the JSON bodies and lines built from records. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroToJson() {}

  /** The record as a JSON object. */
  public static ObjectNode toJson(SpecificRecord record) {
    return (ObjectNode) toJson(record, record.getSchema());
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
