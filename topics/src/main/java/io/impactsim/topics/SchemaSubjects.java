package io.impactsim.topics;

import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.topics.serde.RegistryAvroSerde;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the subjects of Avro topics under impactsim's compatibility rule and registers the current
 * schemas, before anything is written. Setting the rule explicitly matters: registries differ in
 * their default (Confluent's is BACKWARD, Apicurio's is NONE).
 */
public final class SchemaSubjects {
  /** Every released version of a schema must stay readable by the newest. */
  public static final CompatibilityLevel COMPATIBILITY = CompatibilityLevel.BACKWARD_TRANSITIVE;

  private SchemaSubjects() {}

  /**
   * Sets the rule and registers the current value schema of each Avro topic.
   *
   * @return the schema id per subject
   * @throws io.impactsim.schemas.registry.IncompatibleSchemaException when a registered history
   *     rejects the current schema; then nothing can be written to that topic
   */
  public static Map<String, Integer> prepare(Collection<? extends Topic<?, ?>> topics) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (Topic<?, ?> topic : topics) {
      if (topic.valueSerde() instanceof RegistryAvroSerde<?> serde) {
        ids.put(serde.subject(topic.name()), serde.prepareSubject(topic.name(), COMPATIBILITY));
      }
    }
    return ids;
  }
}
