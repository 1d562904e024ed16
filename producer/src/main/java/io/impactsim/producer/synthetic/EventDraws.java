package io.impactsim.producer.synthetic;

import static io.impactsim.producer.synthetic.Distributions.logNormalUsd;
import static io.impactsim.producer.synthetic.Distributions.pick;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.RestructuringKind;
import io.impactsim.schemas.avro.SegmentRevenue;
import io.impactsim.schemas.avro.ValueQualifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws single synthetic events. Contract sizes are log-normal with a Pareto tail (most deals are
 * hundreds of millions, a few are hundreds of billions); providers are drawn by Zipf's law so a few
 * hold most of the market; one deal in seven revises an earlier contract.
 */
final class EventDraws {
  private static final List<Integer> TERMS = List.of(12, 24, 36, 48, 60, 84);
  private static final RestructuringKind[] RESTRUCTURINGS = RestructuringKind.values();
  private static final int RECENT = 64;

  private final SplittableRandom random;
  private final Roster roster;
  private final String source;
  private final Zipf providerRank;
  private final Zipf vendorRank;
  private final Zipf buyerRank;
  private final DealAnnounced[] recent = new DealAnnounced[RECENT];
  private long dealCount;

  EventDraws(SplittableRandom random, Roster roster, long seed) {
    this.random = random;
    this.roster = roster;
    this.source = "synthetic market, seed " + seed;
    this.providerRank = new Zipf(roster.providers.size(), 1.2);
    this.vendorRank = new Zipf(roster.vendors.size(), 1.2);
    this.buyerRank = new Zipf(roster.buyers.size(), 0.8);
  }

  DealAnnounced deal(String eventId, Instant at) {
    DealAnnounced earlier =
        dealCount >= RECENT && random.nextDouble() < 1.0 / 7 ? pickRecent() : null;
    boolean chips =
        earlier != null ? earlier.getKind() == DealKind.CHIP_SUPPLY : random.nextDouble() < 0.2;
    String provider =
        earlier != null
            ? earlier.getProvider()
            : chips
                ? roster.vendors.get(vendorRank.sample(random))
                : roster.providers.get(providerRank.sample(random));
    String buyer =
        earlier != null ? earlier.getBuyer() : roster.buyers.get(buyerRank.sample(random));
    ValueQualifier qualifier = qualifier();
    DealAnnounced deal =
        DealAnnounced.newBuilder()
            .setMeta(new EventMetadata(eventId, at, source))
            .setDealId(eventId)
            .setContractId(earlier != null ? earlier.getContractId() : "contract-" + eventId)
            .setBuyer(buyer)
            .setProvider(provider)
            .setSegment(chips ? "ai-accelerators" : "ai-compute-cloud")
            .setKind(chips ? DealKind.CHIP_SUPPLY : DealKind.CLOUD_CAPACITY)
            .setValueUsd(qualifier == ValueQualifier.UNDISCLOSED ? null : contractValue())
            .setValueQualifier(qualifier)
            .setTermMonths(pick(random, TERMS))
            .setStartDate(LocalDate.ofInstant(at, ZoneOffset.UTC))
            .setAccelerators(
                chips || random.nextDouble() < 0.6 ? List.of() : List.of(accelerator()))
            .build();
    recent[(int) (dealCount++ % RECENT)] = deal;
    return deal;
  }

  private DealAnnounced pickRecent() {
    return recent[random.nextInt(RECENT)];
  }

  private long contractValue() {
    return random.nextDouble() < 0.9
        ? logNormalUsd(random, 150e6, 1.5)
        : Distributions.paretoUsd(random, 1e9, 1.2);
  }

  private ValueQualifier qualifier() {
    double r = random.nextDouble();
    if (r < 0.75) {
      return ValueQualifier.EXACT;
    }
    if (r < 0.87) {
      return ValueQualifier.APPROX;
    }
    if (r < 0.93) {
      return ValueQualifier.UP_TO;
    }
    return r < 0.96 ? ValueQualifier.AT_LEAST : ValueQualifier.UNDISCLOSED;
  }

  private Accelerator accelerator() {
    String vendor = roster.vendors.get(vendorRank.sample(random));
    boolean disclosed = random.nextBoolean();
    return new Accelerator(
        vendor,
        vendor.toUpperCase().replace("CHIPS-", "X") + "-" + (1 + random.nextInt(3)),
        disclosed ? logNormalUsd(random, 20_000, 1.0) : null,
        disclosed ? ValueQualifier.EXACT : ValueQualifier.APPROX);
  }

  RestructuringAnnounced restructuring(String eventId, Instant at) {
    boolean provider = random.nextDouble() < 0.3;
    String company = provider ? pick(random, roster.providers) : pick(random, roster.buyers);
    String other = provider ? pick(random, roster.buyers) : pick(random, roster.providers);
    RestructuringKind kind = RESTRUCTURINGS[random.nextInt(RESTRUCTURINGS.length - 1)];
    return RestructuringAnnounced.newBuilder()
        .setMeta(new EventMetadata(eventId, at, source))
        .setCompany(company)
        .setKind(kind)
        .setAffectedParties(List.of(other))
        .setDescription("synthetic " + kind.name().toLowerCase().replace('_', ' '))
        .build();
  }

  EarningsReported earnings(String eventId, Instant at, CompanyProfile company, String period) {
    long quarterly =
        Math.round(company.getAnnualRevenueUsd() / 4.0 * (1 + 0.05 * random.nextGaussian()));
    long revenue = Math.max(0, quarterly);
    boolean cloud = roster.providers.contains(company.getId());
    long eps = Math.round((1.5 + random.nextGaussian()) * 1e6);
    return EarningsReported.newBuilder()
        .setMeta(new EventMetadata(eventId, at, source))
        .setCompany(company.getId())
        .setFiscalPeriod(period)
        .setRevenueUsd(revenue)
        .setSegments(
            cloud
                ? List.of(
                    SegmentRevenue.newBuilder()
                        .setSegment("ai-compute-cloud")
                        .setRevenueUsd(revenue * 3 / 10)
                        .setYoyGrowth(0.2 + 0.1 * random.nextGaussian())
                        .build())
                : List.of())
        .setCapexUsd(cloud ? revenue * 3 / 10 : null)
        .setEpsMicros(eps)
        .setEpsConsensusMicros(eps + Math.round(0.1e6 * random.nextGaussian()))
        .setRevenueConsensusUsd(
            Math.max(0, Math.round(revenue * (1 + 0.02 * random.nextGaussian()))))
        .build();
  }
}
