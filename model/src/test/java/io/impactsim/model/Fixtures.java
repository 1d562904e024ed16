package io.impactsim.model;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.CompanyRole;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.RestructuringKind;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Profiles and events shaped like the bundled history around November 2025 (its market caps and
 * OpenAI's implied valuation), plus share counts so that EPS surprises can be priced.
 */
public final class Fixtures {
  public static final String CLOUD = "ai-compute-cloud";
  public static final long BILLION = 1_000_000_000L;
  public static final long AMAZON_CAP = 2_420 * BILLION;
  public static final Instant SEED_DAY = Instant.parse("2025-11-03T14:30:00Z");

  static {
    // Builders copy nested records, which Avro allows only for trusted classes.
    GeneratedRecords.trust();
  }

  private Fixtures() {}

  public static List<CompanyProfile> profiles() {
    return List.of(
        listed("amazon", AMAZON_CAP, 10_690_000_000L, CompanyRole.CLOUD_PROVIDER, CLOUD),
        listed("microsoft", 3_950 * BILLION, 7_430_000_000L, CompanyRole.CLOUD_PROVIDER, CLOUD),
        listed("alphabet", 3_260 * BILLION, 12_100_000_000L, CompanyRole.CLOUD_PROVIDER, CLOUD),
        listed("oracle", 800 * BILLION, 2_840_000_000L, CompanyRole.CLOUD_PROVIDER, CLOUD),
        listed(
            "nvidia", 4_650 * BILLION, 24_300_000_000L, CompanyRole.CHIP_VENDOR, "ai-accelerators"),
        privateLab("openai", 500 * BILLION));
  }

  public static CompanyDirectory directory() {
    return CompanyDirectory.of(profiles());
  }

  public static CompanyProfile listed(
      String id, long cap, long shares, CompanyRole role, String segment) {
    return CompanyProfile.newBuilder()
        .setMeta(meta("profile-" + id, Instant.parse("2025-10-31T21:00:00Z")))
        .setId(id)
        .setName(id)
        .setTicker(id.toUpperCase())
        .setListed(true)
        .setReferenceDate(LocalDate.parse("2025-10-31"))
        .setMarketCapUsd(cap)
        .setSharesOutstanding(shares)
        .setRoles(List.of(role))
        .setSegments(List.of(segment))
        .build();
  }

  public static CompanyProfile privateLab(String id, long impliedValuation) {
    return CompanyProfile.newBuilder()
        .setMeta(meta("profile-" + id, Instant.parse("2025-10-31T21:00:00Z")))
        .setId(id)
        .setName(id)
        .setListed(false)
        .setReferenceDate(LocalDate.parse("2025-10-28"))
        .setImpliedValuationUsd(impliedValuation)
        .setRoles(List.of(CompanyRole.AI_LAB))
        .setSegments(List.of())
        .build();
  }

  public static EventMetadata meta(String eventId, Instant occurredAt) {
    return new EventMetadata(eventId, occurredAt, "test fixture");
  }

  /** The seed: OpenAI's 7-year, $38B AWS contract naming NVIDIA GB200/GB300 GPUs. */
  public static DealAnnounced openAiAws() {
    return deal("deal-openai-aws", SEED_DAY, "openai", "amazon", 38 * BILLION, 84)
        .setProviderUnit("AWS")
        .setAccelerators(
            List.of(
                new Accelerator("nvidia", "GB200", null, ValueQualifier.UNDISCLOSED),
                new Accelerator("nvidia", "GB300", null, ValueQualifier.UNDISCLOSED)))
        .build();
  }

  public static DealAnnounced.Builder deal(
      String eventId, Instant at, String buyer, String provider, Long valueUsd, Integer months) {
    return DealAnnounced.newBuilder()
        .setMeta(meta(eventId, at))
        .setDealId(eventId)
        .setContractId(eventId)
        .setBuyer(buyer)
        .setProvider(provider)
        .setSegment(CLOUD)
        .setKind(DealKind.CLOUD_CAPACITY)
        .setValueUsd(valueUsd)
        .setValueQualifier(ValueQualifier.EXACT)
        .setTermMonths(months);
  }

  public static EarningsReported.Builder earnings(
      String eventId, Instant at, String company, String period, long revenueUsd, Long eps) {
    return EarningsReported.newBuilder()
        .setMeta(meta(eventId, at))
        .setCompany(company)
        .setFiscalPeriod(period)
        .setRevenueUsd(revenueUsd)
        .setEpsMicros(eps);
  }

  /** OpenAI's restructuring that removed Microsoft's right of first refusal on compute. */
  public static RestructuringAnnounced rofrRemoved(Instant at) {
    return RestructuringAnnounced.newBuilder()
        .setMeta(meta("restructuring-openai-rofr", at))
        .setCompany("openai")
        .setKind(RestructuringKind.RIGHT_OF_FIRST_REFUSAL_REMOVED)
        .setAffectedParties(List.of("microsoft"))
        .build();
  }
}
