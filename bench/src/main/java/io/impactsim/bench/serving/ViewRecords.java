package io.impactsim.bench.serving;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.CompanyReaction;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.HeadlineCommitment;
import io.impactsim.schemas.avro.ImpactDriver;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.avro.YearlyCommitment;
import io.impactsim.schemas.keys.CompositeKey;
import io.impactsim.views.View;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Synthetic records of the four views, keyed as the views key them: market cap and capex by company
 * ({@code co-000000} to the number of companies, in turn), market share by {@code
 * <segment>|<period>} (3 segments x ALL and 40 quarters, in turn), reactions by a new event id each
 * ({@code ev-000000000}, ...), as each event has one reactions record. The views are interleaved in
 * the proportions of the {@link ViewMix}; record times advance one second a record from {@link
 * #START}. The same options and seed give the same records.
 */
public final class ViewRecords implements Iterator<ViewRecords.Entry> {
  /** Time of the first record. */
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  static final List<String> SEGMENTS =
      List.of("ai-compute-cloud", "ai-accelerators", "ai-software");
  static final int QUARTERS = 40;

  /** One view record: the view it belongs to, its key, value and record time. */
  public record Entry(View view, String key, Object value, Instant time) {}

  private final long total;
  private final int companies;
  private final SplittableRandom random;
  private final Map<View, Long> target;
  private final EnumMap<View, Long> made = new EnumMap<>(View.class);
  private long next;

  /**
   * @param total records to make
   * @param mix how they are shared among the views
   * @param companies distinct companies keying market cap and capex
   */
  public ViewRecords(long total, ViewMix mix, int companies, long seed) {
    if (total < 0 || companies < 1) {
      throw new IllegalArgumentException("records must be >= 0 and companies >= 1");
    }
    this.total = total;
    this.companies = companies;
    this.random = new SplittableRandom(seed);
    this.target = mix.counts(total);
    for (View v : View.values()) {
      made.put(v, 0L);
    }
  }

  /** The id of the {@code i}th company. */
  public static String company(long i) {
    return String.format(Locale.ROOT, "co-%06d", i);
  }

  /** The id of the {@code i}th event. */
  public static String event(long i) {
    return String.format(Locale.ROOT, "ev-%09d", i);
  }

  /** The records of each view this generator makes in all. */
  public Map<View, Long> counts() {
    return target;
  }

  /** Distinct keys each view ends with. */
  public Map<View, Long> distinctKeys() {
    EnumMap<View, Long> keys = new EnumMap<>(View.class);
    keys.put(View.MARKET_CAP, Math.min(target.get(View.MARKET_CAP), companies));
    keys.put(View.CAPEX, Math.min(target.get(View.CAPEX), companies));
    keys.put(
        View.MARKET_SHARE,
        Math.min(target.get(View.MARKET_SHARE), (long) SEGMENTS.size() * (QUARTERS + 1)));
    keys.put(View.REACTIONS, target.get(View.REACTIONS));
    return keys;
  }

  @Override
  public boolean hasNext() {
    return next < total;
  }

  @Override
  public Entry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    View view = nextView();
    long n = made.merge(view, 1L, Long::sum) - 1;
    Instant time = START.plusSeconds(next);
    next++;
    return switch (view) {
      case MARKET_CAP -> {
        String company = company(n % companies);
        yield new Entry(view, company, marketCap(company, n, time), time);
      }
      case CAPEX -> {
        String company = company(n % companies);
        yield new Entry(view, company, capex(company, n, time), time);
      }
      case MARKET_SHARE -> {
        String segment = SEGMENTS.get((int) (n % SEGMENTS.size()));
        long q = (n / SEGMENTS.size()) % (QUARTERS + 1);
        String period = q == 0 ? "ALL" : (2020 + (q - 1) / 4) + "-Q" + ((q - 1) % 4 + 1);
        yield new Entry(
            view, CompositeKey.of(segment, period), marketShare(segment, period, time), time);
      }
      case REACTIONS -> {
        String id = event(n);
        yield new Entry(view, id, reactions(id, time), time);
      }
    };
  }

  /** The view furthest behind its share of the records made so far. */
  private View nextView() {
    View best = null;
    double deficit = Double.NEGATIVE_INFINITY;
    for (View v : View.values()) {
      long want = target.get(v);
      if (made.get(v) >= want) {
        continue;
      }
      double d = (double) want * (next + 1) / total - made.get(v);
      if (d > deficit) {
        deficit = d;
        best = v;
      }
    }
    return best;
  }

  private SimulatedMarketCap marketCap(String company, long n, Instant time) {
    long reference = 1_000_000_000L + random.nextLong(3_000_000_000_000L);
    double car = random.nextDouble(-0.2, 0.2);
    long simulated = Math.round(reference * (1 + car));
    return SimulatedMarketCap.newBuilder()
        .setCompany(company)
        .setAsOf(time)
        .setValuationBasis(ValuationBasis.MARKET_CAP)
        .setReferenceValueUsd(reference)
        .setSimulatedValueUsd(simulated)
        .setCumulativeAbnormalReturn(car)
        .setLowValueUsd(Math.round(simulated * 0.9))
        .setHighValueUsd(Math.round(simulated * 1.1))
        .setEventCount((int) (n / companies) + 1)
        .setLastEventId(event(n))
        .setReferenceDate(LocalDate.ofInstant(START, ZoneOffset.UTC))
        .build();
  }

  private CapexCommitments capex(String company, long n, Instant time) {
    List<YearlyCommitment> schedule = new ArrayList<>();
    for (int year = 2025; year < 2028; year++) {
      schedule.add(new YearlyCommitment(year, usd(), usd()));
    }
    return CapexCommitments.newBuilder()
        .setCompany(company)
        .setAsOf(time)
        .setCommittedAsBuyerUsd(usd())
        .setBacklogAsProviderUsd(usd())
        .setSchedule(schedule)
        .setCapacityGw(random.nextDouble(0, 5))
        .setAccelerators(
            List.of(
                new Accelerator(
                    "nvidia", "GB200", random.nextLong(100_000), ValueQualifier.APPROX)))
        .setHeadlineCommitments(
            List.of(
                new HeadlineCommitment(
                    event(n), usd(), ValueQualifier.EXACT, null, "synthetic commitment")))
        .setLatestFiscalPeriod("2025-Q" + (n % 4 + 1))
        .setLatestQuarterCapexUsd(usd())
        .setCapexGuidanceLowUsd(null)
        .setCapexGuidanceHighUsd(null)
        .setDealCount((int) (n / companies) + 1)
        .build();
  }

  private MarketShareSnapshot marketShare(String segment, String period, Instant time) {
    List<MarketShareEntry> entries = new ArrayList<>();
    int providers = Math.min(10, companies);
    for (int rank = 1; rank <= providers; rank++) {
      String provider = company(rank - 1);
      entries.add(
          new MarketShareEntry(provider, provider, usd(), usd(), 100.0 / providers, rank, rank));
    }
    return MarketShareSnapshot.newBuilder()
        .setSegment(segment)
        .setPeriod(period)
        .setAsOf(time)
        .setTotalCommittedUsd(usd())
        .setExcludedDealCount(0)
        .setEntries(entries)
        .setUnlistedProviderCount(0)
        .build();
  }

  private EventReactions reactions(String eventId, Instant time) {
    String[] roles = {"provider", "buyer", "supplier", "rival"};
    List<CompanyReaction> reactions = new ArrayList<>();
    for (String role : roles) {
      long reference = 1_000_000_000L + random.nextLong(3_000_000_000_000L);
      double ar = random.nextDouble(-0.05, 0.05);
      reactions.add(
          CompanyReaction.newBuilder()
              .setCompany(company(random.nextInt(companies)))
              .setRole(role)
              .setValuationBasis(ValuationBasis.MARKET_CAP)
              .setReferenceDate(LocalDate.ofInstant(START, ZoneOffset.UTC))
              .setReferenceValueUsd(reference)
              .setAbnormalReturn(ar)
              .setLowReturn(ar - 0.01)
              .setHighReturn(ar + 0.01)
              .setDollarImpactUsd(Math.round(reference * ar))
              .setLowImpactUsd(Math.round(reference * (ar - 0.01)))
              .setHighImpactUsd(Math.round(reference * (ar + 0.01)))
              .setDrivers(List.of(new ImpactDriver("exposure", random.nextDouble(), "")))
              .build());
    }
    return EventReactions.newBuilder()
        .setEventId(eventId)
        .setEventType("deal")
        .setOccurredAt(time)
        .setModelVersion("synthetic")
        .setTerms(List.of(new ImpactDriver("providerReturn", random.nextDouble(-0.05, 0.05), "")))
        .setReactions(reactions)
        .build();
  }

  private long usd() {
    return random.nextLong(1_000_000L, 100_000_000_000L);
  }
}
