package io.impactsim.views.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Sets fields of generated Avro records from the corpus' JSON, by dotted path, so a case can state
 * just the field it spoils. Numbers may be written {@code "MAX"}, {@code "MIN"}, {@code "NaN"},
 * {@code "Infinity"}; long strings {@code {"repeat": "x", "times": 100000}}; times ISO-8601.
 */
final class JsonFields {
  private JsonFields() {}

  /** Applies each {@code path: value} of {@code set} to the record. */
  static void apply(IndexedRecord record, JsonNode set) {
    if (set == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : set.properties()) {
      put(record, e.getKey(), e.getValue());
    }
  }

  private static void put(IndexedRecord record, String path, JsonNode value) {
    int dot = path.indexOf('.');
    if (dot >= 0) {
      Schema.Field field = field(record, path.substring(0, dot));
      put((IndexedRecord) record.get(field.pos()), path.substring(dot + 1), value);
      return;
    }
    Schema.Field field = field(record, path);
    record.put(field.pos(), convert(value, field.schema()));
  }

  private static Schema.Field field(IndexedRecord record, String name) {
    Schema.Field field = record.getSchema().getField(name);
    if (field == null) {
      throw new IllegalArgumentException(record.getSchema().getName() + " has no field " + name);
    }
    return field;
  }

  private static Object convert(JsonNode value, Schema schema) {
    if (value == null || value.isNull()) {
      return null;
    }
    return switch (schema.getType()) {
      case UNION -> convert(value, nonNull(schema));
      case STRING -> text(value);
      case LONG ->
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
              ? instant(value)
              : number(value, Long.MAX_VALUE, Long.MIN_VALUE).longValue();
      case INT ->
          schema.getLogicalType() instanceof LogicalTypes.Date
              ? LocalDate.parse(value.asText())
              : number(value, Integer.MAX_VALUE, Integer.MIN_VALUE).intValue();
      case DOUBLE -> value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
      case BOOLEAN -> value.asBoolean();
      case ENUM -> SpecificData.get().createEnum(value.asText(), schema);
      case ARRAY -> list(value, schema.getElementType());
      case RECORD -> record(value, schema);
      default -> throw new IllegalArgumentException("unsupported type " + schema);
    };
  }

  private static Schema nonNull(Schema union) {
    return union.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }

  private static String text(JsonNode value) {
    if (value.isObject()) {
      return value.get("repeat").asText().repeat(value.get("times").asInt());
    }
    return value.asText();
  }

  private static Instant instant(JsonNode value) {
    return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : Instant.parse(value.asText());
  }

  private static Number number(JsonNode value, long max, long min) {
    if (value.isNumber()) {
      return value.asLong();
    }
    return switch (value.asText()) {
      case "MAX" -> max;
      case "MIN" -> min;
      default -> Long.parseLong(value.asText());
    };
  }

  private static List<Object> list(JsonNode value, Schema items) {
    List<Object> out = new ArrayList<>();
    value.forEach(v -> out.add(convert(v, items)));
    return out;
  }

  private static IndexedRecord record(JsonNode value, Schema schema) {
    IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(
          field.pos(),
          value.has(field.name())
              ? convert(value.get(field.name()), field.schema())
              : field.hasDefaultValue() ? SpecificData.get().getDefaultValue(field) : null);
    }
    return record;
  }
}
