package io.impactsim.schemas.validation;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Applies {@link Identifiers} and {@link Limits} to every field of an input event, at any depth, by
 * the field's name: identifiers get the identifier rules, names a length limit, every other string
 * must be well-formed; numbers must lie within their documented range (and be finite), dates within
 * the documented years. A field added to a schema later is checked by its name alike.
 */
public final class FieldRules {
  /** Fields (and arrays of strings) that hold identifiers. */
  static final Set<String> IDENTIFIERS =
      Set.of(
          "eventId",
          "dealId",
          "contractId",
          "buyer",
          "provider",
          "segment",
          "segments",
          "vendor",
          "model",
          "company",
          "holder",
          "affectedParties",
          "id");

  /** Fields that hold names: not keys, but shown and stored, so bounded in length. */
  static final Set<String> NAMES = Set.of("providerUnit", "name", "ticker");

  private FieldRules() {}

  /** Whether a string field of this name is an identifier or a name, bounded in length. */
  public static boolean boundedLength(String field) {
    return IDENTIFIERS.contains(field) || NAMES.contains(field);
  }

  /**
   * Calls {@code problem} with the path of each field that breaks a rule ({@code buyer}, {@code
   * accelerators[0].count}, {@code meta.eventId}) and a phrase that follows it.
   */
  public static void check(IndexedRecord record, BiConsumer<String, String> problem) {
    check(record, "", problem);
  }

  private static void check(IndexedRecord record, String path, BiConsumer<String, String> problem) {
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      String name = path + field.name();
      if (value == null || mayBeEmpty(record, field, value)) {
        continue;
      }
      if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          one(field.name(), list.get(i), name + "[" + i + "]", problem);
        }
      } else {
        one(field.name(), value, name, problem);
      }
    }
  }

  private static void one(
      String field, Object value, String path, BiConsumer<String, String> problem) {
    if (value instanceof IndexedRecord nested) {
      check(nested, path + ".", problem);
    } else if (value instanceof CharSequence text) {
      String s = text.toString();
      (IDENTIFIERS.contains(field)
              ? Identifiers.problem(s)
              : NAMES.contains(field) ? Identifiers.nameProblem(s) : Identifiers.textProblem(s))
          .ifPresent(p -> problem.accept(path, p));
    } else if (value instanceof Number n) {
      if (n instanceof Double d && !Double.isFinite(d)) {
        problem.accept(path, "is not a finite number: " + d);
      } else {
        Limits.of(field).flatMap(r -> r.problem(n)).ifPresent(p -> problem.accept(path, p));
      }
    } else if (value instanceof LocalDate date) {
      Limits.date(date).ifPresent(p -> problem.accept(path, p));
    }
  }

  /**
   * A commitment across many providers names none: its provider may be empty (the input gate's
   * rule; history files name a placeholder company instead).
   */
  private static boolean mayBeEmpty(IndexedRecord record, Schema.Field field, Object value) {
    return record instanceof DealAnnounced d
        && d.getKind() == DealKind.INFRASTRUCTURE_COMMITMENT
        && field.name().equals("provider")
        && value.toString().isEmpty();
  }
}
