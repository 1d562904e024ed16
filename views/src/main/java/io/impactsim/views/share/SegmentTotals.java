package io.impactsim.views.share;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.views.deals.DealTerms;
import io.impactsim.views.internal.ExactSum;
import io.impactsim.views.internal.VarInts;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One segment and period of the market-share view as sums per provider: the change one contract
 * report makes, and the totals those changes add up to. Every figure is an integer sum (or a
 * maximum), so the totals are the same whatever order the changes arrive in.
 *
 * <p>The provider's display name is the name most of its counted reports use (ties by name), a
 * count rather than "the latest", which would depend on arrival order.
 */
public final class SegmentTotals {
  /** Provider under which deals that do not count are tallied. */
  static final String EXCLUDED = "";

  /** Most providers a published snapshot lists; the rest are counted, not listed. */
  public static final int MAX_ENTRIES = 500;

  private final TreeMap<String, Provider> providers = new TreeMap<>();
  private long asOf = Long.MIN_VALUE;

  private static final class Provider {
    ExactSum committed = ExactSum.ZERO;
    ExactSum annualized = ExactSum.ZERO;
    long deals;
    long excluded;
    final TreeMap<String, Long> names = new TreeMap<>();

    void add(Provider o) {
      committed = committed.plus(o.committed);
      annualized = annualized.plus(o.annualized);
      deals += o.deals;
      excluded += o.excluded;
      o.names.forEach((name, n) -> names.merge(name, n, Long::sum));
      names.values().removeIf(n -> n == 0);
    }

    boolean isEmpty() {
      return committed.isZero() && annualized.isZero() && deals == 0 && excluded == 0;
    }

    String name(String provider) {
      String best = provider;
      long most = 0;
      for (Map.Entry<String, Long> e : names.entrySet()) {
        if (e.getValue() > most) {
          best = e.getKey();
          most = e.getValue();
        }
      }
      return best;
    }
  }

  /**
   * What one report of a contract contributes to its segment's totals, times {@code sign} (+1 to
   * add it, -1 to take it back), stamped with {@code asOf} when not null.
   */
  public static SegmentTotals of(DealAnnounced deal, int sign, Instant asOf) {
    SegmentTotals t = new SegmentTotals();
    Provider p = new Provider();
    String provider;
    if (DealTerms.counts(deal)) {
      provider = deal.getProvider();
      long value = deal.getValueUsd();
      p.committed = ExactSum.of(sign * value);
      p.annualized = ExactSum.of(sign * DealTerms.annualized(value, deal.getTermMonths()));
      p.deals = sign;
      String name = deal.getProviderUnit() != null ? deal.getProviderUnit() : deal.getProvider();
      p.names.put(name, (long) sign);
    } else {
      provider = EXCLUDED;
      p.excluded = sign;
    }
    t.providers.put(provider, p);
    t.asOf = asOf == null ? Long.MIN_VALUE : asOf.toEpochMilli();
    return t;
  }

  /** A change that only says a report of the segment and period happened at {@code asOf}. */
  public static SegmentTotals touched(Instant asOf) {
    SegmentTotals t = new SegmentTotals();
    t.asOf = asOf.toEpochMilli();
    return t;
  }

  public SegmentTotals add(SegmentTotals other) {
    other.providers.forEach(
        (name, p) -> providers.computeIfAbsent(name, n -> new Provider()).add(p));
    providers.values().removeIf(Provider::isEmpty);
    asOf = Math.max(asOf, other.asOf);
    return this;
  }

  public boolean isEmpty() {
    return providers.isEmpty() && asOf == Long.MIN_VALUE;
  }

  /**
   * These totals one provider at a time (the date of the latest report goes with each), so that a
   * change can be kept per provider and each provider's sum stays small.
   */
  public Map<String, SegmentTotals> byProvider() {
    Map<String, SegmentTotals> out = new TreeMap<>();
    providers.forEach(
        (name, p) -> {
          SegmentTotals t = new SegmentTotals();
          t.providers.put(name, p);
          t.asOf = asOf;
          out.put(name, t);
        });
    if (out.isEmpty() && asOf != Long.MIN_VALUE) {
      SegmentTotals t = new SegmentTotals();
      t.asOf = asOf;
      out.put(EXCLUDED, t);
    }
    return out;
  }

  private static final Comparator<Map.Entry<String, Provider>> BY_COMMITTED =
      Comparator.<Map.Entry<String, Provider>, java.math.BigInteger>comparing(
              e -> e.getValue().committed.toBigInteger())
          .reversed()
          .thenComparing(Map.Entry::getKey);

  /**
   * The published snapshot: counted providers by committed value, shares of the positive total (a
   * provider whose revisions in a quarter took away more than they added shows a negative figure
   * and a share of 0), at most {@link #MAX_ENTRIES} entries.
   */
  public MarketShareSnapshot snapshot(String segment, String period) {
    ExactSum total = ExactSum.ZERO;
    long excluded = 0;
    List<Map.Entry<String, Provider>> counted = new ArrayList<>();
    for (Map.Entry<String, Provider> e : providers.entrySet()) {
      Provider p = e.getValue();
      excluded += p.excluded;
      if (!e.getKey().equals(EXCLUDED) && (p.deals != 0 || !p.committed.isZero())) {
        counted.add(e);
        if (p.committed.signum() > 0) {
          total = total.plus(p.committed);
        }
      }
    }
    counted.sort(BY_COMMITTED);
    double totalUsd = total.toDouble();
    List<MarketShareEntry> entries = new ArrayList<>(Math.min(counted.size(), MAX_ENTRIES));
    for (Map.Entry<String, Provider> e :
        counted.subList(0, Math.min(counted.size(), MAX_ENTRIES))) {
      Provider p = e.getValue();
      double committed = p.committed.toDouble();
      entries.add(
          MarketShareEntry.newBuilder()
              .setProvider(e.getKey())
              .setProviderName(p.name(e.getKey()))
              .setCommittedUsd(p.committed.toLongSaturated())
              .setAnnualizedUsd(p.annualized.toLongSaturated())
              .setSharePct(totalUsd <= 0 || committed <= 0 ? 0.0 : 100.0 * committed / totalUsd)
              .setRank(entries.size() + 1)
              .setDealCount((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, p.deals)))
              .build());
    }
    return MarketShareSnapshot.newBuilder()
        .setSegment(segment)
        .setPeriod(period)
        .setAsOf(Instant.ofEpochMilli(Math.max(0, asOf)))
        .setTotalCommittedUsd(total.toLongSaturated())
        .setExcludedDealCount((int) Math.max(0, Math.min(Integer.MAX_VALUE, excluded)))
        .setEntries(entries)
        .setUnlistedProviderCount(counted.size() - entries.size())
        .build();
  }

  public void writeTo(DataOutputStream out) throws IOException {
    VarInts.write(out, asOf);
    VarInts.write(out, providers.size());
    for (Map.Entry<String, Provider> e : providers.entrySet()) {
      Provider p = e.getValue();
      out.writeUTF(e.getKey());
      p.committed.writeTo(out);
      p.annualized.writeTo(out);
      VarInts.write(out, p.deals);
      VarInts.write(out, p.excluded);
      VarInts.write(out, p.names.size());
      for (Map.Entry<String, Long> n : p.names.entrySet()) {
        out.writeUTF(n.getKey());
        VarInts.write(out, n.getValue());
      }
    }
  }

  public static SegmentTotals readFrom(DataInputStream in) throws IOException {
    SegmentTotals t = new SegmentTotals();
    t.asOf = VarInts.read(in);
    int n = (int) VarInts.read(in);
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      Provider p = new Provider();
      p.committed = ExactSum.readFrom(in);
      p.annualized = ExactSum.readFrom(in);
      p.deals = VarInts.read(in);
      p.excluded = VarInts.read(in);
      int names = (int) VarInts.read(in);
      for (int j = 0; j < names; j++) {
        p.names.put(in.readUTF(), VarInts.read(in));
      }
      t.providers.put(name, p);
    }
    return t;
  }
}
