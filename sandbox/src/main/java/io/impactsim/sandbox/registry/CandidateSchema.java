package io.impactsim.sandbox.registry;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema sent by a client, parsed and in canonical text form. Two schemas are the same for the
 * registry when their canonical texts are equal, so whitespace and key order do not matter.
 */
record CandidateSchema(Schema schema, String canonical) {
  private static final String AVRO = "AVRO";

  /**
   * Parses what a client sent.
   *
   * @throws RegistryError 42201 when it is not a valid Avro schema or uses an unsupported feature
   */
  static CandidateSchema parse(String text, String schemaType, List<?> references) {
    if (schemaType != null && !AVRO.equalsIgnoreCase(schemaType)) {
      throw RegistryError.invalidSchema(
          "Unsupported schema type '" + schemaType + "'; this registry serves AVRO only");
    }
    if (references != null && !references.isEmpty()) {
      throw RegistryError.invalidSchema("Schema references are not supported by this registry");
    }
    if (text == null || text.isBlank()) {
      throw RegistryError.invalidSchema("Invalid schema: empty schema");
    }
    Schema schema = parseAvro(text);
    return new CandidateSchema(schema, schema.toString());
  }

  /** Parses a schema this registry stored earlier. */
  static Schema parseStored(String canonical) {
    return parseAvro(canonical);
  }

  private static Schema parseAvro(String text) {
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw RegistryError.invalidSchema("Invalid schema: " + e.getMessage());
    } catch (RuntimeException e) {
      // Avro reports some malformed schemas with other runtime exceptions (bad defaults, names).
      throw RegistryError.invalidSchema(
          "Invalid schema: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
