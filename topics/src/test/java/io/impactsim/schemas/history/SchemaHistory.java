package io.impactsim.schemas.history;

import io.impactsim.schemas.registry.AvroCompatibility;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.CompatibilityResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The released versions of a record schema, kept as {@code schema-history/<Record>/v<n>.avsc} on
 * the classpath, and the two rules a new version must follow: it reads every earlier version's
 * data, and it is recorded as a new file before it is released.
 */
final class SchemaHistory {
  static final String ROOT = "schema-history";

  /** The rule between the current schema and every released one. */
  static final CompatibilityLevel RULE = CompatibilityLevel.BACKWARD_TRANSITIVE;

  private SchemaHistory() {}

  /** Where version {@code n} of a record is kept, relative to the classpath root. */
  static String file(String record, int version) {
    return ROOT + "/" + record + "/v" + version + ".avsc";
  }

  /** All released versions of a record, oldest first; v1, v2, ... without gaps. */
  static List<Schema> versions(String record) {
    List<Schema> out = new ArrayList<>();
    for (int v = 1; ; v++) {
      Optional<Schema> schema = load(file(record, v));
      if (schema.isEmpty()) {
        return out;
      }
      out.add(schema.get());
    }
  }

  /** Whether {@code current} reads the data of every released version. */
  static CompatibilityResult checkCompatible(Schema current, List<Schema> released) {
    return AvroCompatibility.check(RULE, current, released);
  }

  /**
   * Why {@code current} may not be released as it is: a change since the newest released version
   * must be recorded as the next version. Empty when the newest released version is current.
   */
  static Optional<String> unrecordedChange(Schema current, List<Schema> released) {
    String record = current.getName();
    if (released.isEmpty()) {
      return Optional.of(
          "no released version of "
              + record
              + ": add "
              + file(record, 1)
              + " with "
              + record
              + ".getClassSchema().toString(true)");
    }
    Schema newest = released.get(released.size() - 1);
    // Text, not Schema.equals: a changed doc is a new version for the registry as well.
    if (newest.toString().equals(current.toString())) {
      return Optional.empty();
    }
    int next = released.size() + 1;
    return Optional.of(
        record
            + " differs from "
            + file(record, released.size())
            + ". Released versions are never edited: add "
            + file(record, next)
            + " under schemas/src/main/resources with "
            + record
            + ".getClassSchema().toString(true)");
  }

  private static Optional<Schema> load(String resource) {
    try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      // A fresh parser per file: each version defines the same names again.
      return Optional.of(new Schema.Parser().parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
