package io.impactsim.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's compatibility rules for Avro, decided with Avro's own {@link SchemaCompatibility}.
 * BACKWARD: the new schema reads data written with the old one; FORWARD: the old schema reads data
 * written with the new one; FULL: both. Non-transitive rules look at the latest version only.
 */
public final class AvroCompatibility {
  private AvroCompatibility() {}

  /**
   * Checks a candidate against the existing versions of a subject, oldest first.
   *
   * @return compatible, or not with one message per incompatibility found
   */
  public static CompatibilityResult check(
      CompatibilityLevel level, Schema candidate, List<Schema> existingOldestFirst) {
    if (level == CompatibilityLevel.NONE || existingOldestFirst.isEmpty()) {
      return new CompatibilityResult(true, List.of());
    }
    List<Schema> against =
        switch (level) {
          case BACKWARD_TRANSITIVE, FORWARD_TRANSITIVE, FULL_TRANSITIVE -> existingOldestFirst;
          default -> List.of(existingOldestFirst.get(existingOldestFirst.size() - 1));
        };
    boolean backward = level.name().startsWith("BACKWARD") || level.name().startsWith("FULL");
    boolean forward = level.name().startsWith("FORWARD") || level.name().startsWith("FULL");
    List<String> messages = new ArrayList<>();
    for (Schema existing : against) {
      if (backward) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing),
            "new schema reading old data",
            messages);
      }
      if (forward) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate),
            "old schema reading new data",
            messages);
      }
    }
    return new CompatibilityResult(messages.isEmpty(), messages);
  }

  private static void describe(SchemaPairCompatibility pair, String direction, List<String> out) {
    for (Incompatibility i : pair.getResult().getIncompatibilities()) {
      out.add(direction + ": " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage());
    }
  }
}
