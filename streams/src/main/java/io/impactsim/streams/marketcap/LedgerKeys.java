package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.MarketCapReaction;

/**
 * Keys of the ledger store, {@code <company>|<time>|<eventId>}, whose byte order is the event-time
 * order within a company: the time is written as 16 hex digits of the sign-flipped millis, so that
 * every long (even before 1970) sorts numerically.
 */
final class LedgerKeys {
  private LedgerKeys() {}

  static String of(String company, long occurredAtMillis, String eventId) {
    String hex = Long.toHexString(occurredAtMillis ^ Long.MIN_VALUE);
    StringBuilder key = new StringBuilder(company.length() + eventId.length() + 18);
    key.append(company).append('|');
    for (int i = hex.length(); i < 16; i++) {
      key.append('0');
    }
    return key.append(hex).append('|').append(eventId).toString();
  }

  static String of(MarketCapReaction impact) {
    return of(impact.getCompany(), impact.getOccurredAt().toEpochMilli(), impact.getEventId());
  }

  /** The event time in a key of the company. */
  static long timeOf(String company, String key) {
    int from = company.length() + 1;
    return Long.parseUnsignedLong(key.substring(from, from + 16), 16) ^ Long.MIN_VALUE;
  }

  /** A bound at or below every key of the company. */
  static String first(String company) {
    return company + "|";
  }

  /** A bound above every key of the company: '~' sorts after every hex digit. */
  static String last(String company) {
    return company + "|~";
  }
}
