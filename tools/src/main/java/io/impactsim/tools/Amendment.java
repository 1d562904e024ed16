package io.impactsim.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.schemas.json.JsonToAvro;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One changed field of an event, {@code field=value}, converted to the field's type as the Avro
 * schema declares it. Nested fields are addressed with dots ({@code meta.source}); {@code null}
 * clears an optional field.
 *
 * @param field the field's name or dotted path
 * @param value the new value as text
 */
public record Amendment(String field, String value) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static {
    // Amended records are rebuilt from JSON into the generated classes, which Avro must trust.
    GeneratedRecords.trust();
  }

  /** Parses {@code field=value}. */
  public static Amendment parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("amendment '" + text + "' is not of the form field=value");
    }
    return new Amendment(text.substring(0, eq).strip(), text.substring(eq + 1));
  }

  /**
   * A copy of the record with this field changed.
   *
   * @throws IllegalArgumentException if the record has no such field or the value does not fit
   */
  public <T extends SpecificRecord> T applyTo(T record) {
    ObjectNode json = AvroToJson.toJson(record);
    ObjectNode parent = json;
    Schema schema = record.getSchema();
    String[] path = field.split("\\.");
    for (int i = 0; i < path.length - 1; i++) {
      Schema.Field f = field(schema, path[i]);
      schema = nonNull(f.schema());
      if (schema.getType() != Schema.Type.RECORD || !(parent.get(path[i]) instanceof ObjectNode)) {
        throw new IllegalArgumentException(
            "field '" + path[i] + "' of " + record.getSchema().getName() + " has no fields");
      }
      parent = (ObjectNode) parent.get(path[i]);
    }
    Schema.Field target = field(schema, path[path.length - 1]);
    parent.set(target.name(), convert(target.schema()));
    return JsonToAvro.read(json, record.getSchema());
  }

  private Schema.Field field(Schema schema, String name) {
    Schema.Field f = schema.getField(name);
    if (f == null) {
      throw new IllegalArgumentException(
          schema.getName() + " has no field '" + name + "' (amending " + field + ")");
    }
    return f;
  }

  private JsonNode convert(Schema declared) {
    boolean nullable =
        declared.getType() == Schema.Type.UNION
            && declared.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    if ("null".equals(value)) {
      if (!nullable) {
        throw invalid("the field is not optional");
      }
      return NODES.nullNode();
    }
    Schema schema = nonNull(declared);
    try {
      return switch (schema.getType()) {
        case STRING -> NODES.textNode(value);
        case INT ->
            schema.getLogicalType() instanceof LogicalTypes.Date
                ? NODES.textNode(LocalDate.parse(value).toString())
                : NODES.numberNode(Integer.parseInt(value.strip()));
        case LONG -> schema.getLogicalType() == null ? longValue() : NODES.textNode(instant());
        case FLOAT, DOUBLE -> NODES.numberNode(Double.parseDouble(value.strip()));
        case BOOLEAN -> bool();
        case ENUM -> symbol(schema);
        default -> throw invalid("fields of type " + schema.getType() + " cannot be amended");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid("expected " + describe(schema));
    }
  }

  private JsonNode longValue() {
    // Money may be written 20000000000 or 2.0E10; it must still be a whole number of dollars.
    return NODES.numberNode(new BigDecimal(value.strip()).longValueExact());
  }

  private String instant() {
    return Instant.parse(value.strip()).toString();
  }

  private JsonNode bool() {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> NODES.booleanNode(true);
      case "false" -> NODES.booleanNode(false);
      default -> throw invalid("expected true or false");
    };
  }

  private JsonNode symbol(Schema schema) {
    String upper = value.strip().toUpperCase(Locale.ROOT);
    if (!schema.getEnumSymbols().contains(upper)) {
      throw invalid("expected one of " + schema.getEnumSymbols());
    }
    return NODES.textNode(upper);
  }

  private static String describe(Schema schema) {
    if (schema.getLogicalType() instanceof LogicalTypes.Date) {
      return "a date such as 2025-10-31";
    }
    if (schema.getLogicalType() != null) {
      return "an instant such as 2025-10-31T00:00:00Z";
    }
    return switch (schema.getType()) {
      case INT, LONG -> "a whole number";
      default -> "a number";
    };
  }

  private IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("cannot set " + field + "='" + value + "': " + why);
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElse(schema);
  }
}
