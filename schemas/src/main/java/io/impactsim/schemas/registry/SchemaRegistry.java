package io.impactsim.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that impactsim uses. Implemented over HTTP by
 * {@link RestSchemaRegistry} and in memory by {@link InMemorySchemaRegistry} for unit tests.
 */
public interface SchemaRegistry extends AutoCloseable {

  /**
   * Registers a schema under a subject, or returns the id it already has there.
   *
   * @throws IncompatibleSchemaException when the subject's compatibility rule rejects it
   */
  int register(String subject, Schema schema);

  /** The schema with a global id; {@link SchemaNotFoundException} when no such id exists. */
  Schema schemaById(int id);

  /** The latest version of a subject; {@link SchemaNotFoundException} when it has none. */
  RegisteredSchema latest(String subject);

  /** The version under which this exact schema is registered in the subject, if any. */
  Optional<RegisteredSchema> lookup(String subject, Schema schema);

  /**
   * Checks a schema against the subject's latest version under the subject's rule. Registration
   * applies transitive rules to every version; this check is the registry's quick pre-flight.
   */
  CompatibilityResult checkCompatibility(String subject, Schema schema);

  /** Sets the compatibility rule of one subject. */
  void setCompatibility(String subject, CompatibilityLevel level);

  /** The compatibility rule set on one subject, if one is set there. */
  Optional<CompatibilityLevel> compatibility(String subject);

  /** All subjects with at least one live version. */
  List<String> subjects();

  /** The version numbers of a subject, oldest first. */
  List<Integer> versions(String subject);

  @Override
  default void close() {}
}
