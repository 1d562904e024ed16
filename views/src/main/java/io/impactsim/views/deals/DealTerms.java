package io.impactsim.views.deals;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.ValueQualifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which deals count towards market share and how much: the counting rules of the market-share view,
 * kept apart from the plumbing so they can be read and tested on their own.
 */
public final class DealTerms {
  /** Period of the running view. */
  public static final String ALL = "ALL";

  /**
   * Firm enough to count. UP_TO counts at its ceiling: an announced maximum is the only figure
   * given, and leaving it out would drop some of the largest contracts of the market entirely.
   */
  private static final Set<ValueQualifier> COUNTED =
      EnumSet.of(
          ValueQualifier.EXACT,
          ValueQualifier.APPROX,
          ValueQualifier.AT_LEAST,
          ValueQualifier.MORE_THAN,
          ValueQualifier.UP_TO);

  /** Provider ids that stand for "several providers" in an aggregate commitment. */
  private static final Set<String> NO_SINGLE_PROVIDER =
      Set.of("", "various", "multiple", "unspecified", "undisclosed");

  private DealTerms() {}

  /** Whether the deal's value counts towards its provider's share. */
  public static boolean counts(DealAnnounced deal) {
    return deal.getValueUsd() != null
        && COUNTED.contains(deal.getValueQualifier())
        && deal.getKind() != DealKind.EQUITY_INVESTMENT
        && !isHeadline(deal);
  }

  /** Whether an aggregate commitment names one provider (and not its own buyer). */
  public static boolean hasSingleProvider(DealAnnounced deal) {
    return namesProvider(deal) && !deal.getProvider().strip().equals(deal.getBuyer());
  }

  /** Whether the provider field names a company rather than "several providers". */
  public static boolean namesProvider(DealAnnounced deal) {
    String provider = deal.getProvider() == null ? "" : deal.getProvider().strip();
    return !NO_SINGLE_PROVIDER.contains(provider.toLowerCase(Locale.ROOT));
  }

  /** Whether an aggregate commitment without a single provider: a headline, not a contract. */
  public static boolean isHeadline(DealAnnounced deal) {
    return deal.getKind() == DealKind.INFRASTRUCTURE_COMMITMENT && !hasSingleProvider(deal);
  }

  /**
   * Whether a report of a contract supersedes another: the later by event time, ties broken by the
   * larger event id so that every replica decides alike.
   */
  public static boolean supersedes(DealAnnounced candidate, DealAnnounced current) {
    int byTime = candidate.getMeta().getOccurredAt().compareTo(current.getMeta().getOccurredAt());
    return byTime > 0
        || (byTime == 0
            && candidate.getMeta().getEventId().compareTo(current.getMeta().getEventId()) > 0);
  }

  /**
   * Value per year: spread evenly over the term ({@code value * 12 / termMonths}, rounded down), or
   * the full value when no term is given.
   */
  public static long annualized(long valueUsd, Integer termMonths) {
    if (termMonths == null || termMonths <= 0) {
      return valueUsd;
    }
    // Divide first: value * 12 overflows a long for values above about 768 quadrillion.
    return valueUsd / termMonths * 12 + (valueUsd % termMonths) * 12 / termMonths;
  }

  /** Calendar quarter (UTC) of an instant, e.g. {@code 2025-Q4}. */
  public static String quarterOf(Instant at) {
    LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
  }

  /** First instant after a quarter named like {@code 2025-Q4}. */
  public static Instant endOfQuarter(String quarter) {
    int year = Integer.parseInt(quarter.substring(0, 4));
    int q = quarter.charAt(quarter.length() - 1) - '0';
    return LocalDate.of(year, (q - 1) * 3 + 1, 1)
        .plusMonths(3)
        .atStartOfDay()
        .toInstant(ZoneOffset.UTC);
  }
}
