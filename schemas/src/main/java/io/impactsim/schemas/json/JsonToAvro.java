package io.impactsim.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Converts JSON values to Avro values by walking the record's Avro schema, so the JSON form follows
 * the schemas by construction: every field the schema has, with the same name, and nothing else.
 * Problems are reported per field instead of stopping at the first one. It reads what {@link
 * AvroToJson} writes; history files, what-if edits and the serving layer all go through the pair.
 */
public final class JsonToAvro {
  private static final SpecificData DATA = SpecificData.get();

  /** Marks a value that could not be converted (null is a legitimate value). */
  private static final Object INVALID = new Object();

  static {
    GeneratedRecords.trust();
  }

  private JsonToAvro() {}

  /**
   * Reads a JSON object into the generated class of the schema.
   *
   * @throws IllegalArgumentException naming every field that does not fit the schema
   */
  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecord> T read(JsonNode object, Schema schema) {
    List<String> problems = new ArrayList<>();
    SpecificRecord record =
        object != null && object.isObject()
            ? record(
                object,
                schema,
                "",
                Set.of(),
                (field, message) -> problems.add(field + ": " + message))
            : null;
    if (record == null) {
      throw new IllegalArgumentException(
          "not a valid "
              + schema.getName()
              + (problems.isEmpty() ? ": expected an object" : ": " + String.join("; ", problems)));
    }
    return (T) record;
  }

  /**
   * Builds a record from the fields of an object, skipping the names in {@code handledElsewhere};
   * returns null if any field had a problem.
   */
  public static SpecificRecord record(
      JsonNode object, Schema schema, String path, Set<String> handledElsewhere, ProblemSink sink) {
    SpecificRecord record = (SpecificRecord) DATA.newRecord(null, schema);
    boolean ok = true;
    for (Schema.Field field : schema.getFields()) {
      if (handledElsewhere.contains(field.name())) {
        continue;
      }
      String fieldPath = path + field.name();
      JsonNode node = object.get(field.name());
      if (node == null) {
        if (!field.hasDefaultValue()) {
          sink.add(fieldPath, "missing required field");
          ok = false;
          continue;
        }
        record.put(field.pos(), DATA.getDefaultValue(field));
        continue;
      }
      Object value = value(node, field.schema(), fieldPath, sink);
      if (value == INVALID) {
        ok = false;
      } else {
        record.put(field.pos(), value);
      }
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (schema.getField(name) == null && !handledElsewhere.contains(name)) {
        sink.add(path + name, "unknown field");
        ok = false;
      }
    }
    return ok ? record : null;
  }

  private static Object value(JsonNode node, Schema schema, String path, ProblemSink sink) {
    switch (schema.getType()) {
      case UNION:
        return union(node, schema, path, sink);
      case NULL:
        return node.isNull() ? null : fail(sink, path, "must be null");
      case STRING:
        return node.isTextual() ? node.textValue() : fail(sink, path, "expected a string");
      case BOOLEAN:
        return node.isBoolean() ? node.booleanValue() : fail(sink, path, "expected true or false");
      case INT:
        return schema.getLogicalType() instanceof LogicalTypes.Date
            ? date(node, path, sink)
            : integral(node, path, sink, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
      case LONG:
        return isTimestamp(schema.getLogicalType())
            ? instant(node, path, sink)
            : integral(node, path, sink, Long.MIN_VALUE, Long.MAX_VALUE, false);
      case DOUBLE:
      case FLOAT:
        return decimal(node, path, sink);
      case ENUM:
        return symbol(node, schema, path, sink);
      case ARRAY:
        return array(node, schema, path, sink);
      case MAP:
        return map(node, schema, path, sink);
      case BYTES:
        return bytes(node, path, sink);
      case RECORD:
        if (!node.isObject()) {
          return fail(sink, path, "expected an object");
        }
        Object r = record(node, schema, path + ".", Set.of(), sink);
        return r == null ? INVALID : r;
      default:
        return fail(sink, path, "unsupported schema type " + schema.getType());
    }
  }

  private static Object union(JsonNode node, Schema schema, String path, ProblemSink sink) {
    if (node.isNull()) {
      return schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)
          ? null
          : fail(sink, path, "must not be null");
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return value(node, branch, path, sink);
      }
    }
    return fail(sink, path, "must be null");
  }

  private static Object integral(
      JsonNode node, String path, ProblemSink sink, long min, long max, boolean asInt) {
    if (!node.isIntegralNumber()) {
      return fail(sink, path, "expected a whole number, got " + describe(node));
    }
    if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
      return fail(sink, path, "number out of range: " + node.asText());
    }
    return asInt ? (Object) node.intValue() : (Object) node.longValue();
  }

  private static Object decimal(JsonNode node, String path, ProblemSink sink) {
    if (!node.isNumber()) {
      return fail(sink, path, "expected a number, got " + describe(node));
    }
    double d = node.doubleValue();
    return Double.isFinite(d) ? d : fail(sink, path, "not a finite number: " + node.asText());
  }

  private static Object date(JsonNode node, String path, ProblemSink sink) {
    if (!node.isTextual()) {
      return fail(sink, path, "expected an ISO date such as 2025-11-03");
    }
    try {
      return LocalDate.parse(node.textValue());
    } catch (DateTimeParseException e) {
      return fail(sink, path, "unparseable date '" + node.textValue() + "', expected YYYY-MM-DD");
    }
  }

  public static Object instant(JsonNode node, String path, ProblemSink sink) {
    if (!node.isTextual()) {
      return fail(sink, path, "expected an ISO-8601 instant such as 2025-11-03T13:00:00Z");
    }
    try {
      return Instant.parse(node.textValue());
    } catch (DateTimeParseException e) {
      return fail(
          sink,
          path,
          "unparseable instant '" + node.textValue() + "', expected e.g. 2025-11-03T13:00:00Z");
    }
  }

  private static Object symbol(JsonNode node, Schema schema, String path, ProblemSink sink) {
    if (node.isTextual()) {
      String upper = node.textValue().trim().toUpperCase(Locale.ROOT);
      if (schema.getEnumSymbols().contains(upper)) {
        return DATA.createEnum(upper, schema);
      }
    }
    return fail(
        sink,
        path,
        "unknown "
            + schema.getName()
            + " '"
            + node.asText()
            + "', expected one of "
            + schema.getEnumSymbols());
  }

  private static Object array(JsonNode node, Schema schema, String path, ProblemSink sink) {
    if (!node.isArray()) {
      return fail(sink, path, "expected an array");
    }
    List<Object> items = new ArrayList<>(node.size());
    boolean ok = true;
    for (int i = 0; i < node.size(); i++) {
      Object item = value(node.get(i), schema.getElementType(), path + "[" + i + "]", sink);
      ok &= item != INVALID;
      items.add(item);
    }
    return ok ? items : INVALID;
  }

  private static Object map(JsonNode node, Schema schema, String path, ProblemSink sink) {
    if (!node.isObject()) {
      return fail(sink, path, "expected an object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      Object value =
          value(entry.getValue(), schema.getValueType(), path + "." + entry.getKey(), sink);
      ok &= value != INVALID;
      values.put(entry.getKey(), value);
    }
    return ok ? values : INVALID;
  }

  private static Object bytes(JsonNode node, String path, ProblemSink sink) {
    if (node.isTextual()) {
      try {
        return ByteBuffer.wrap(Base64.getDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    return fail(sink, path, "expected Base64 text");
  }

  private static boolean isTimestamp(LogicalType type) {
    return type instanceof LogicalTypes.TimestampMillis
        || type instanceof LogicalTypes.TimestampMicros;
  }

  private static String describe(JsonNode node) {
    return node.isTextual() ? "the string \"" + node.textValue() + "\"" : node.toString();
  }

  private static Object fail(ProblemSink sink, String path, String message) {
    sink.add(path, message);
    return INVALID;
  }
}
