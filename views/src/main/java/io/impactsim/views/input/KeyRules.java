package io.impactsim.views.input;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import java.util.Optional;

/**
 * The key each input record must carry, as its value implies it: deals by contract id (deal id when
 * the deal names no contract), earnings and restructurings by company. A record under another key
 * would land in another entity's state (replace another contract, count an event twice), so the
 * input gate refuses it before any view sees it.
 */
public final class KeyRules {
  private KeyRules() {}

  /** The key a value must be published under. */
  public static String expectedKey(Object value) {
    if (value instanceof DealAnnounced d) {
      return d.getContractId() != null ? d.getContractId() : d.getDealId();
    }
    if (value instanceof EarningsReported e) {
      return e.getCompany();
    }
    if (value instanceof RestructuringAnnounced r) {
      return r.getCompany();
    }
    throw new IllegalArgumentException("not an input event: " + value);
  }

  /** Why a record's key is not the one its value implies, or empty when it is. */
  public static Optional<String> mismatch(String key, Object value) {
    String expected = expectedKey(value);
    if (key == null) {
      return Optional.of("record has no key; expected '" + expected + "' " + rule(value));
    }
    return key.equals(expected)
        ? Optional.empty()
        : Optional.of(
            "record key '"
                + key
                + "' is not the one its value implies, '"
                + expected
                + "' "
                + rule(value));
  }

  private static String rule(Object value) {
    return value instanceof DealAnnounced
        ? "(deals are keyed by contractId, else dealId)"
        : "(keyed by company)";
  }
}
