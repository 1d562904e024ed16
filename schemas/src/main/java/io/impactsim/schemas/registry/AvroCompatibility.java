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
            candidate,
            "new schema reading old data",
            messages);
      }
      if (forward) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate),
            existing,
            "old schema reading new data",
            messages);
      }
    }
    return new CompatibilityResult(messages.isEmpty(), messages);
  }

  private static void describe(
      SchemaPairCompatibility pair, Schema reader, String direction, List<String> out) {
    for (Incompatibility i : pair.getResult().getIncompatibilities()) {
      out.add(
          direction
              + ": "
              + i.getType()
              + " at field '"
              + fieldPath(reader, i.getLocation())
              + "' ("
              + i.getLocation()
              + "): "
              + i.getMessage());
    }
  }

  /** Turns a location such as /fields/8/type/1 into the names of the fields it crosses. */
  static String fieldPath(Schema root, String location) {
    StringBuilder path = new StringBuilder();
    Schema current = root;
    String[] steps = location.split("/");
    for (int i = 0; i < steps.length && current != null; i++) {
      if (steps[i].equals("fields")
          && i + 1 < steps.length
          && current.getType() == Schema.Type.RECORD) {
        int index = Integer.parseInt(steps[++i]);
        if (index >= current.getFields().size()) {
          break;
        }
        Schema.Field field = current.getFields().get(index);
        path.append(path.length() == 0 ? "" : ".").append(field.name());
        current = field.schema();
      } else if (current.getType() == Schema.Type.UNION && steps[i].matches("\\d+")) {
        int branch = Integer.parseInt(steps[i]);
        current = branch < current.getTypes().size() ? current.getTypes().get(branch) : null;
      } else if (steps[i].equals("items") && current.getType() == Schema.Type.ARRAY) {
        current = current.getElementType();
        path.append("[]");
      }
    }
    return path.length() == 0 ? root.getFullName() : path.toString();
  }
}
