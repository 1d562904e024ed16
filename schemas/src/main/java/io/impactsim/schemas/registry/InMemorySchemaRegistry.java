package io.impactsim.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A registry held in memory with the same id, version and compatibility semantics as a real one;
 * for {@code TopologyTestDriver} unit tests, never for anything that crosses a process.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
  // Keyed by text, as real registries compare schemas: a changed doc is a new version.
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, CompatibilityLevel> levels = new HashMap<>();
  private final CompatibilityLevel defaultLevel;

  public InMemorySchemaRegistry() {
    this(CompatibilityLevel.BACKWARD);
  }

  public InMemorySchemaRegistry(CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    Optional<RegisteredSchema> existing = lookup(subject, schema);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    CompatibilityResult result = checkCompatibility(subject, schema);
    if (!result.compatible()) {
      throw new IncompatibleSchemaException(subject, 409, String.join("; ", result.messages()));
    }
    int id =
        idsBySchema.computeIfAbsent(
            schema.toString(),
            s -> {
              int next = schemasById.size() + 1;
              schemasById.put(next, schema);
              return next;
            });
    List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    versions.add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaNotFoundException(40403, "Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<RegisteredSchema> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaNotFoundException(40401, "Subject '" + subject + "' not found.");
    }
    return versions.get(versions.size() - 1);
  }

  @Override
  public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    return subjects.getOrDefault(subject, List.of()).stream()
        .filter(r -> r.schema().toString().equals(schema.toString()))
        .findFirst();
  }

  @Override
  public synchronized CompatibilityResult checkCompatibility(String subject, Schema schema) {
    List<Schema> existing =
        subjects.getOrDefault(subject, List.of()).stream().map(RegisteredSchema::schema).toList();
    return AvroCompatibility.check(levels.getOrDefault(subject, defaultLevel), schema, existing);
  }

  @Override
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    levels.put(subject, level);
  }

  @Override
  public synchronized Optional<CompatibilityLevel> compatibility(String subject) {
    return Optional.ofNullable(levels.get(subject));
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    return subjects.getOrDefault(subject, List.of()).stream()
        .map(RegisteredSchema::version)
        .toList();
  }
}
