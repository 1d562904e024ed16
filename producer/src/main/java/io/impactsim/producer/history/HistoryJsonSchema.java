package io.impactsim.producer.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.producer.EventType;
import io.impactsim.schemas.validation.FieldRules;
import io.impactsim.schemas.validation.Identifiers;
import io.impactsim.schemas.validation.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Derives the JSON Schema (draft 2020-12) of history lines from the Avro schemas, so editors can
 * validate history files and the schema cannot drift from what the parser reads. {@code main}
 * writes it to docs/history.schema.json; a test fails when the checked-in file is stale.
 */
public final class HistoryJsonSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HistoryJsonSchema() {}

  /** Writes the schema to the given file (default docs/history.schema.json). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/history.schema.json");
    Files.writeString(out, render());
    System.out.println("wrote " + out);
  }

  /** The schema as the checked-in file holds it. */
  public static String render() throws IOException {
    return JSON.writeValueAsString(generate()) + "\n";
  }

  /** The schema of one line of a history file. */
  public static ObjectNode generate() {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "urn:impactsim:history:v" + JsonLinesParser.FORMAT_VERSION);
    root.put("title", "impactsim history line, format version " + JsonLinesParser.FORMAT_VERSION);
    root.put(
        "description",
        "One event per line of a JSON Lines history file; see docs/history-format.md. Generated"
            + " from the Avro schemas by HistoryJsonSchema: do not edit by hand.");
    root.put("type", "object");
    root.putArray("required").add("type");
    ArrayNode types = root.putObject("properties").putObject("type").putArray("enum");
    ArrayNode cases = root.putArray("allOf");
    ObjectNode defs = root.putObject("$defs");
    for (EventType t : EventType.values()) {
      types.add(t.fileName());
      ObjectNode when = cases.addObject();
      when.putObject("if").putObject("properties").putObject("type").put("const", t.fileName());
      when.putObject("then").put("$ref", "#/$defs/" + t.fileName());
      defs.set(t.fileName(), line(t));
    }
    return root;
  }

  private static ObjectNode line(EventType type) {
    Schema schema = type.schema();
    ObjectNode node = NODES.objectNode();
    node.put("description", schema.getDoc());
    node.put("type", "object");
    node.put("additionalProperties", false);
    ArrayNode required = node.putArray("required");
    ObjectNode props = node.putObject("properties");
    props.putObject("formatVersion").put("const", JsonLinesParser.FORMAT_VERSION);
    props.putObject("type").put("const", type.fileName());
    for (Schema.Field meta : schema.getField("meta").schema().getFields()) {
      ObjectNode p = value(meta.schema(), meta.name());
      if (p.path("type").asText().equals("string") && !p.has("format")) {
        p.put("minLength", 1);
      }
      props.set(meta.name(), describe(p, meta));
    }
    required.add("formatVersion").add("type").add("eventId").add("occurredAt").add("source");
    fields(schema, props, required, "meta");
    return node;
  }

  private static void fields(Schema record, ObjectNode props, ArrayNode required, String skip) {
    for (Schema.Field f : record.getFields()) {
      if (f.name().equals(skip)) {
        continue;
      }
      ObjectNode p = describe(value(f.schema(), f.name()), f);
      if (f.hasDefaultValue()) {
        p.set("default", defaultValue(f.defaultVal()));
      } else {
        required.add(f.name());
      }
      props.set(f.name(), p);
    }
  }

  private static ObjectNode value(Schema schema, String field) {
    ObjectNode node = NODES.objectNode();
    switch (schema.getType()) {
      case UNION -> {
        ArrayNode any = node.putArray("anyOf");
        schema.getTypes().forEach(s -> any.add(value(s, field)));
      }
      case NULL -> node.put("type", "null");
      case STRING -> {
        node.put("type", "string");
        if (FieldRules.boundedLength(field)) {
          node.put("maxLength", Identifiers.MAX_LENGTH);
        }
      }
      case BOOLEAN -> node.put("type", "boolean");
      case INT, LONG -> integer(schema, field, node);
      case FLOAT, DOUBLE -> number(field, node);
      case ENUM -> {
        ArrayNode symbols = node.putArray("enum");
        schema.getEnumSymbols().forEach(symbols::add);
      }
      case ARRAY -> {
        node.put("type", "array");
        node.set("items", value(schema.getElementType(), field));
      }
      case RECORD -> {
        node.put("type", "object");
        node.put("additionalProperties", false);
        ArrayNode required = node.putArray("required");
        fields(schema, node.putObject("properties"), required, "");
      }
      default -> throw new IllegalStateException("no JSON form for " + schema.getType());
    }
    return node;
  }

  private static void integer(Schema schema, String field, ObjectNode node) {
    if (schema.getLogicalType() instanceof LogicalTypes.Date) {
      node.put("type", "string").put("format", "date");
    } else if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
      node.put("type", "string").put("format", "date-time");
    } else {
      node.put("type", "integer");
      EventChecks.minimum(field).ifPresent(min -> node.put("minimum", min));
      maximum(field, node);
    }
  }

  private static void number(String field, ObjectNode node) {
    node.put("type", "number");
    EventChecks.minimum(field).ifPresent(min -> node.put("minimum", min));
    maximum(field, node);
  }

  private static void maximum(String field, ObjectNode node) {
    Limits.of(field)
        .map(range -> Limits.Range.format(range.max()))
        .ifPresent(
            max -> {
              if (max instanceof Long whole) {
                node.put("maximum", whole);
              } else {
                node.put("maximum", max.doubleValue());
              }
            });
  }

  private static ObjectNode describe(ObjectNode node, Schema.Field field) {
    if (field.doc() != null) {
      ObjectNode withDoc = NODES.objectNode().put("description", field.doc());
      withDoc.setAll(node);
      return withDoc;
    }
    return node;
  }

  private static JsonNode defaultValue(Object value) {
    if (value == JsonProperties.NULL_VALUE) {
      return NODES.nullNode();
    }
    return JSON.valueToTree(value);
  }
}
