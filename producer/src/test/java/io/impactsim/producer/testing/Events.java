package io.impactsim.producer.testing;

import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small input events for tests. */
public final class Events {
  static {
    GeneratedRecords.trust();
  }

  private Events() {}

  public static EventMetadata meta(String id, Instant at) {
    return new EventMetadata(id, at, "test fixture");
  }

  public static InputEvent company(String id, Instant at) {
    return InputEvent.of(
        CompanyProfile.newBuilder()
            .setMeta(meta("company-" + id, at))
            .setId(id)
            .setName(id)
            .setListed(true)
            .setTicker(id.toUpperCase())
            .setReferenceDate(LocalDate.of(2025, 10, 27))
            .setMarketCapUsd(1_000_000_000_000L)
            .build());
  }

  public static InputEvent deal(String id, Instant at, String buyer, String provider, long usd) {
    return InputEvent.of(
        DealAnnounced.newBuilder()
            .setMeta(meta(id, at))
            .setDealId(id)
            .setBuyer(buyer)
            .setProvider(provider)
            .setKind(DealKind.CLOUD_CAPACITY)
            .setValueUsd(usd)
            .setValueQualifier(ValueQualifier.EXACT)
            .build());
  }

  /** {@code n} deals one hour apart, the first at {@code start}. */
  public static List<InputEvent> deals(int n, Instant start) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(
            i -> deal("deal-" + i, start.plusSeconds(3600L * i), "buyer", "provider", 1_000L + i))
        .toList();
  }
}
