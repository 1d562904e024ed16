package io.impactsim.views;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.time.Instant;
import java.util.List;

/** Builders of input events for tests, with sensible defaults. */
public final class Events {
  static {
    // Records with nested defaults are built here, possibly before any serde has trusted them.
    GeneratedRecords.trust();
  }

  public static final String CLOUD = "ai-compute-cloud";

  private Events() {}

  public static EventMetadata meta(String eventId, Instant at) {
    return EventMetadata.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(at)
        .setSource("https://example.org/" + eventId)
        .build();
  }

  /** An exact cloud-capacity deal of one provider, its contract named after the event. */
  public static DealAnnounced.Builder deal(
      String eventId, Instant at, String buyer, String provider, long valueUsd) {
    return DealAnnounced.newBuilder()
        .setMeta(meta(eventId, at))
        .setDealId("deal-" + eventId)
        .setContractId("contract-" + eventId)
        .setBuyer(buyer)
        .setProvider(provider)
        .setSegment(CLOUD)
        .setKind(DealKind.CLOUD_CAPACITY)
        .setValueUsd(valueUsd)
        .setValueQualifier(ValueQualifier.EXACT)
        .setAccelerators(List.of());
  }

  public static EarningsReported.Builder earnings(String eventId, Instant at, String company) {
    return EarningsReported.newBuilder()
        .setMeta(meta(eventId, at))
        .setCompany(company)
        .setFiscalPeriod("2025-Q3")
        .setRevenueUsd(1_000_000_000L)
        .setSegments(List.of());
  }

  /** The key the producer gives a deal. */
  public static String keyOf(DealAnnounced deal) {
    return deal.getContractId() != null ? deal.getContractId() : deal.getDealId();
  }
}
