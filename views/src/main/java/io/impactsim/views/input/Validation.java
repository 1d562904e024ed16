package io.impactsim.views.input;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.SegmentRevenue;
import io.impactsim.schemas.avro.StakeChange;
import io.impactsim.schemas.validation.FieldRules;
import io.impactsim.schemas.validation.Identifiers;
import io.impactsim.schemas.validation.Limits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.generic.IndexedRecord;

/**
 * The checks an input event must pass before any view uses it; each returns the reason it fails, or
 * empty. Only facts that can be judged from the event alone are checked: a company without a
 * profile is not an error, because profiles and events travel on different topics and their arrival
 * order is not guaranteed.
 *
 * <p>Identifiers, names, free text, amounts and dates follow the rules the producer applies too
 * ({@link FieldRules}), so an id or figure the producer would refuse cannot reach a view through a
 * record written by another producer.
 */
public final class Validation {
  private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

  /** Longest identifier or name accepted ({@link Identifiers#MAX_LENGTH}). */
  public static final int MAX_ID_LENGTH = Identifiers.MAX_LENGTH;

  private Validation() {}

  /** Checks a deal announcement. */
  public static Optional<String> deal(DealAnnounced d) {
    return first(
        meta(d.getMeta()),
        blank(d.getDealId(), "dealId"),
        blank(d.getBuyer(), "buyer"),
        d.getKind() == DealKind.INFRASTRUCTURE_COMMITMENT
            ? Optional.empty()
            : blank(d.getProvider(), "provider"),
        blank(d.getSegment(), "segment"),
        negative(d.getValueUsd(), "valueUsd"),
        d.getTermMonths() != null && d.getTermMonths() <= 0
            ? Optional.of("termMonths must be positive, was " + d.getTermMonths())
            : Optional.empty(),
        amount(d.getCapacityGw(), "capacityGw"),
        accelerators(d),
        tooLong(d.getDealId(), "dealId"),
        tooLong(d.getContractId(), "contractId"),
        tooLong(d.getBuyer(), "buyer"),
        tooLong(d.getProvider(), "provider"),
        tooLong(d.getProviderUnit(), "providerUnit"),
        tooLong(d.getSegment(), "segment"),
        fields(d));
  }

  /** Checks a company profile's fields. */
  public static Optional<String> company(CompanyProfile c) {
    return first(meta(c.getMeta()), blank(c.getId(), "id"), fields(c));
  }

  /**
   * Checks a company profile record: its fields, and its key, which must be the profile's id (a
   * profile filed under another company's key would change the wrong history). The global store
   * skips a profile that fails; {@link ProfileGate} dead-letters it.
   */
  public static Optional<String> profile(String key, CompanyProfile c) {
    return company(c)
        .or(
            () ->
                c.getId().equals(key)
                    ? Optional.empty()
                    : Optional.of(
                        "record key '"
                            + key
                            + "' is not the profile's id '"
                            + c.getId()
                            + "' (profiles are keyed by id)"));
  }

  /** Checks an earnings report. */
  public static Optional<String> earnings(EarningsReported e) {
    Optional<String> guidance =
        e.getCapexGuidanceLowUsd() != null
                && e.getCapexGuidanceHighUsd() != null
                && e.getCapexGuidanceLowUsd() > e.getCapexGuidanceHighUsd()
            ? Optional.of("capex guidance low is above high")
            : Optional.empty();
    return first(
        meta(e.getMeta()),
        blank(e.getCompany(), "company"),
        QUARTER.matcher(String.valueOf(e.getFiscalPeriod())).matches()
            ? Optional.empty()
            : Optional.of("fiscalPeriod must look like 2025-Q3, was " + e.getFiscalPeriod()),
        negative(e.getRevenueUsd(), "revenueUsd"),
        negative(e.getCapexUsd(), "capexUsd"),
        negative(e.getCapexGuidanceLowUsd(), "capexGuidanceLowUsd"),
        negative(e.getCapexGuidanceHighUsd(), "capexGuidanceHighUsd"),
        negative(e.getBacklogUsd(), "backlogUsd"),
        guidance,
        segments(e),
        tooLong(e.getCompany(), "company"),
        fields(e));
  }

  /** Checks a restructuring. */
  public static Optional<String> restructuring(RestructuringAnnounced r) {
    Optional<String> stakes = Optional.empty();
    for (StakeChange s : r.getStakeChanges()) {
      stakes =
          first(
              stakes,
              percent(s.getBeforePct()),
              percent(s.getAfterPct()),
              tooLong(s.getHolder(), "stake holder"));
    }
    for (CharSequence party : r.getAffectedParties()) {
      stakes = first(stakes, tooLong(party, "affected party"));
    }
    return first(
        meta(r.getMeta()),
        blank(r.getCompany(), "company"),
        negative(r.getImpliedValuationUsd(), "impliedValuationUsd"),
        tooLong(r.getCompany(), "company"),
        stakes,
        fields(r));
  }

  /**
   * Why an event time outside the documented years ({@link Limits#MAX_YEAR}) is refused, or empty.
   * Checked after the record-time rules, which already refuse most such times.
   */
  public static Optional<String> eventYear(EventMetadata meta) {
    Instant at = meta.getOccurredAt();
    return Limits.date(at.atOffset(ZoneOffset.UTC).toLocalDate())
        .map(problem -> "meta.occurredAt " + problem);
  }

  /** The first field that breaks the shared identifier, text, range or date rules. */
  private static Optional<String> fields(IndexedRecord event) {
    String[] first = new String[1];
    FieldRules.check(
        event,
        (field, problem) -> {
          if (first[0] == null) {
            first[0] = field + " " + problem;
          }
        });
    return Optional.ofNullable(first[0]);
  }

  private static Optional<String> meta(EventMetadata meta) {
    if (meta == null) {
      return Optional.of("missing meta");
    }
    return first(
        blank(meta.getEventId(), "meta.eventId"),
        tooLong(meta.getEventId(), "meta.eventId"),
        meta.getOccurredAt() == null ? Optional.of("missing meta.occurredAt") : Optional.empty());
  }

  private static Optional<String> accelerators(DealAnnounced d) {
    for (Accelerator a : d.getAccelerators()) {
      Optional<String> bad = negative(a.getCount(), "accelerator count");
      if (bad.isPresent()) {
        return bad;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> segments(EarningsReported e) {
    for (SegmentRevenue s : e.getSegments()) {
      Optional<String> bad =
          first(
              negative(s.getRevenueUsd(), "segment revenueUsd"),
              s.getYoyGrowth() != null && !Double.isFinite(s.getYoyGrowth())
                  ? Optional.of("segment yoyGrowth is not finite")
                  : Optional.empty());
      if (bad.isPresent()) {
        return bad;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> blank(CharSequence value, String field) {
    return value == null || value.toString().isBlank()
        ? Optional.of("missing " + field)
        : Optional.empty();
  }

  private static Optional<String> tooLong(CharSequence value, String field) {
    return value != null && value.length() > MAX_ID_LENGTH
        ? Optional.of(
            field + " is longer than " + MAX_ID_LENGTH + " characters (" + value.length() + ")")
        : Optional.empty();
  }

  private static Optional<String> negative(Long value, String field) {
    return value != null && value < 0
        ? Optional.of(field + " must not be negative, was " + value)
        : Optional.empty();
  }

  private static Optional<String> amount(Double value, String field) {
    if (value == null) {
      return Optional.empty();
    }
    if (!Double.isFinite(value)) {
      return Optional.of(field + " is not finite");
    }
    return value < 0 ? Optional.of(field + " must not be negative") : Optional.empty();
  }

  private static Optional<String> percent(Double value) {
    return value != null && !(Double.isFinite(value) && value >= 0 && value <= 100)
        ? Optional.of("stake percentage must be within 0-100, was " + value)
        : Optional.empty();
  }

  @SafeVarargs
  private static Optional<String> first(Optional<String>... checks) {
    for (Optional<String> check : checks) {
      if (check.isPresent()) {
        return check;
      }
    }
    return Optional.empty();
  }
}
