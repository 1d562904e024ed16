package io.impactsim.producer.history;

import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.StakeChange;
import io.impactsim.schemas.json.ProblemSink;
import io.impactsim.schemas.validation.FieldRules;
import io.impactsim.schemas.validation.Limits;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The checks that do not depend on the file format: amounts, ranges and the company ids an event
 * refers to. They run on the Avro records, so JSON Lines and Avro files are held to the same rules.
 * Identifiers, names, text, ranges and dates follow {@link FieldRules}, the rules the streams input
 * gate applies too.
 */
final class EventChecks {
  /**
   * Numeric fields that may legitimately be negative (losses, shrinking revenue), or that a
   * type-specific check below words better.
   */
  private static final Set<String> NOT_SIMPLY_NON_NEGATIVE =
      Set.of("epsMicros", "epsConsensusMicros", "yoyGrowth", "termMonths");

  private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

  private EventChecks() {}

  /** The smallest value a numeric field may take, if any; shared with the JSON Schema. */
  static java.util.OptionalLong minimum(String field) {
    var range = Limits.of(field);
    if (range.isPresent()) {
      return java.util.OptionalLong.of((long) range.get().min());
    }
    return NOT_SIMPLY_NON_NEGATIVE.contains(field)
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(0);
  }

  /**
   * Checks one event on its own. A field gets one message: the shared rules speak only of fields
   * the checks here found nothing wrong with.
   */
  static void check(InputEvent event, ProblemSink sink) {
    Set<String> reported = new HashSet<>();
    ProblemSink once =
        (field, message) -> {
          reported.add(field);
          sink.add(field, message);
        };
    amounts(event.value(), "", once);
    eventTime(event.occurredAt(), once);
    switch (event.type()) {
      case DEAL -> deal((DealAnnounced) event.value(), once);
      case EARNINGS -> earnings((EarningsReported) event.value(), once);
      case COMPANY -> company((CompanyProfile) event.value(), once);
      case RESTRUCTURING -> restructuring((RestructuringAnnounced) event.value(), once);
    }
    FieldRules.check(
        event.value(),
        (path, problem) -> {
          // A history line holds the metadata's fields at its top level.
          String field = path.startsWith("meta.") ? path.substring("meta.".length()) : path;
          if (reported.add(field)) {
            sink.add(field, problem);
          }
        });
  }

  /** Calls {@code use} with each company id the event refers to and the field naming it. */
  static void companyReferences(InputEvent event, BiConsumer<String, String> use) {
    switch (event.type()) {
      case DEAL -> {
        DealAnnounced d = (DealAnnounced) event.value();
        use.accept("buyer", d.getBuyer());
        use.accept("provider", d.getProvider());
        List<Accelerator> accelerators = d.getAccelerators();
        for (int i = 0; i < accelerators.size(); i++) {
          use.accept("accelerators[" + i + "].vendor", accelerators.get(i).getVendor());
        }
      }
      case RESTRUCTURING -> {
        RestructuringAnnounced r = (RestructuringAnnounced) event.value();
        use.accept("company", r.getCompany());
        List<String> parties = r.getAffectedParties();
        for (int i = 0; i < parties.size(); i++) {
          use.accept("affectedParties[" + i + "]", parties.get(i));
        }
      }
      case EARNINGS -> use.accept("company", ((EarningsReported) event.value()).getCompany());
      case COMPANY -> {}
    }
  }

  /** Money and counts are never negative and never infinite, at any depth. */
  private static void amounts(IndexedRecord record, String path, ProblemSink sink) {
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      String name = path + field.name();
      if (value instanceof IndexedRecord nested) {
        amounts(nested, name + ".", sink);
      } else if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof IndexedRecord item) {
            amounts(item, name + "[" + i + "].", sink);
          }
        }
      } else if (value instanceof Double d && !Double.isFinite(d)) {
        sink.add(name, "not a finite number: " + d);
      } else if (value instanceof Number n
          && n.doubleValue() < 0
          && !NOT_SIMPLY_NON_NEGATIVE.contains(field.name())) {
        sink.add(name, (field.name().endsWith("Usd") ? "negative amount " : "negative ") + n);
      }
    }
  }

  private static void deal(DealAnnounced d, ProblemSink sink) {
    if (d.getTermMonths() != null && d.getTermMonths() < 1) {
      sink.add(
          "termMonths",
          "term of " + d.getTermMonths() + " months: the deal would end before it starts");
    }
    if (d.getBuyer().equals(d.getProvider())) {
      sink.add("provider", "same company as the buyer");
    }
    if (d.getValueUsd() == null && isCommitted(d)) {
      sink.add("valueUsd", "missing while valueQualifier is " + d.getValueQualifier());
    }
  }

  private static boolean isCommitted(DealAnnounced d) {
    return switch (d.getValueQualifier()) {
      case EXACT, APPROX, UP_TO, AT_LEAST, MORE_THAN -> true;
      default -> false;
    };
  }

  private static void earnings(EarningsReported e, ProblemSink sink) {
    if (!QUARTER.matcher(e.getFiscalPeriod()).matches()) {
      sink.add(
          "fiscalPeriod",
          "expected a calendar quarter such as 2025-Q3, got " + e.getFiscalPeriod());
    }
    Long low = e.getCapexGuidanceLowUsd();
    Long high = e.getCapexGuidanceHighUsd();
    if (low != null && high != null && high < low) {
      sink.add(
          "capexGuidanceHighUsd",
          "guidance range ends (" + high + ") before it starts (" + low + ")");
    }
  }

  /**
   * Kafka refuses negative record times, and brokers refuse records dated more than an hour
   * (message.timestamp.after.max.ms) ahead of their clock; the streams application dead-letters
   * both.
   */
  private static void eventTime(Instant occurredAt, ProblemSink sink) {
    if (occurredAt.isBefore(Instant.EPOCH)) {
      sink.add("occurredAt", "before 1970-01-01: " + occurredAt);
    } else if (occurredAt.isAfter(Instant.now())) {
      sink.add(
          "occurredAt",
          "in the future: " + occurredAt + "; an event is published after it happens");
    }
  }

  private static void restructuring(RestructuringAnnounced r, ProblemSink sink) {
    List<StakeChange> stakes = r.getStakeChanges();
    for (int i = 0; i < stakes.size(); i++) {
      percent(stakes.get(i).getBeforePct(), "stakeChanges[" + i + "].beforePct", sink);
      percent(stakes.get(i).getAfterPct(), "stakeChanges[" + i + "].afterPct", sink);
    }
  }

  private static void percent(Double value, String field, ProblemSink sink) {
    if (value != null && value > 100) {
      sink.add(field, "above 100%: " + value);
    }
  }

  private static void company(CompanyProfile c, ProblemSink sink) {
    if (c.getId().isBlank()) {
      sink.add("id", "empty company id");
    }
    if (c.getListed() && c.getMarketCapUsd() == null) {
      sink.add("marketCapUsd", "missing for a listed company");
    }
  }
}
