package io.impactsim.views.marketcap;

import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.views.internal.ExactSum;
import io.impactsim.views.internal.VarInts;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A company's reactions summed per profile period: the changes one event task sends, and the
 * running total they add up to. Every field is a sum of integers or a maximum, so totals are the
 * same whatever order the changes arrive in (MacKinlay 1997: the cumulative abnormal return is the
 * sum of the abnormal returns, and its variance the sum of their variances for independent events).
 *
 * <p>The published value starts from the newest profile any event of the company was priced against
 * and adds the dollar impacts of the events after its reference date: {@code simulated = V_ref +
 * sum(dollars) = V_ref x (1 + CAR)} up to rounding. Only reactions on a company the event itself
 * names ({@link Period#touchAt}) decide which period that is: a reaction that only takes back an
 * earlier report's effect may come and go with the arrival order of a contract's reports.
 */
public final class CompanyValue {
  private final TreeMap<Bucket, Period> periods = new TreeMap<>();

  /** The periods of profiles: a reference date, and whether the events precede every profile. */
  public record Bucket(LocalDate referenceDate, boolean beforeAll) implements Comparable<Bucket> {
    @Override
    public int compareTo(Bucket o) {
      int byDate = referenceDate.compareTo(o.referenceDate);
      return byDate != 0 ? byDate : Boolean.compare(o.beforeAll, beforeAll);
    }
  }

  /** Sums of one period. */
  public static final class Period {
    ValuationBasis basis = ValuationBasis.MARKET_CAP;
    long referenceValueUsd;
    ExactSum returnUnits = ExactSum.ZERO;
    ExactSum dollars = ExactSum.ZERO;
    ExactSum varianceUnits = ExactSum.ZERO;
    long events;
    long touchAt = Long.MIN_VALUE;
    String touchId = "";

    boolean touched() {
      return touchAt != Long.MIN_VALUE;
    }

    private boolean laterTouch(Period o) {
      return o.touchAt > touchAt || (o.touchAt == touchAt && o.touchId.compareTo(touchId) > 0);
    }

    void add(Period o) {
      if (laterTouch(o) || (!touched() && !o.touched() && referenceValueUsd == 0)) {
        // The profile value that prices the latest event of the period stands for the period.
        basis = o.basis;
        referenceValueUsd = o.referenceValueUsd;
      }
      if (laterTouch(o)) {
        touchAt = o.touchAt;
        touchId = o.touchId;
      }
      returnUnits = returnUnits.plus(o.returnUnits);
      dollars = dollars.plus(o.dollars);
      varianceUnits = varianceUnits.plus(o.varianceUnits);
      events += o.events;
    }
  }

  /**
   * One reaction's contribution, or a change of it.
   *
   * @param named whether the event names the company itself (counts as one of its events and moves
   *     its date); false for a reaction that only reverses an earlier report's
   */
  public static CompanyValue change(
      Bucket bucket,
      ValuationBasis basis,
      long referenceValueUsd,
      long returnUnits,
      long dollars,
      long varianceUnits,
      long events,
      Instant touchAt,
      String touchId) {
    Period p = new Period();
    p.basis = basis;
    p.referenceValueUsd = referenceValueUsd;
    p.returnUnits = ExactSum.of(returnUnits);
    p.dollars = ExactSum.of(dollars);
    p.varianceUnits = ExactSum.of(varianceUnits);
    p.events = events;
    if (touchAt != null) {
      p.touchAt = touchAt.toEpochMilli();
      p.touchId = touchId;
    }
    CompanyValue v = new CompanyValue();
    v.periods.put(bucket, p);
    return v;
  }

  /** Adds another change or total into this one. */
  public CompanyValue add(CompanyValue other) {
    other.periods.forEach(
        (bucket, period) -> periods.computeIfAbsent(bucket, b -> new Period()).add(period));
    return this;
  }

  /**
   * Drops the periods before the newest one an event named the company in: they can no longer
   * decide the published value. Only for running totals, never for changes in transit.
   */
  public CompanyValue prune() {
    newest().ifPresent(b -> periods.headMap(b, false).clear());
    return this;
  }

  private Optional<Bucket> newest() {
    for (Map.Entry<Bucket, Period> e : periods.descendingMap().entrySet()) {
      if (e.getValue().touched()) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** The published value, empty until an event has named the company. */
  public Optional<SimulatedMarketCap> value(String company, double bandZ) {
    Optional<Bucket> newest = newest();
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    Bucket bucket = newest.get();
    Period p = periods.get(bucket);
    long reference = p.referenceValueUsd;
    // Events on or before the day of every profile are already in the earliest profile's value.
    boolean counted = !bucket.beforeAll();
    long simulated = counted ? ExactSum.of(reference).plus(p.dollars).toLongSaturated() : reference;
    double car = counted ? p.returnUnits.toDouble() / FixedPoint.SCALE : 0.0;
    double variance = counted ? Math.max(0, p.varianceUnits.toDouble() / FixedPoint.SCALE) : 0.0;
    double spread = bandZ * Math.sqrt(variance) * reference;
    return Optional.of(
        SimulatedMarketCap.newBuilder()
            .setCompany(company)
            .setAsOf(Instant.ofEpochMilli(p.touchAt))
            .setValuationBasis(p.basis)
            .setReferenceValueUsd(reference)
            .setSimulatedValueUsd(simulated)
            .setCumulativeAbnormalReturn(car)
            .setLowValueUsd(Math.max(0, Math.round(simulated - spread)))
            .setHighValueUsd(Math.round(simulated + spread))
            .setEventCount(counted ? (int) Math.min(Integer.MAX_VALUE, p.events) : 0)
            .setLastEventId(p.touchId)
            .setReferenceDate(bucket.referenceDate())
            .build());
  }

  /** The change that takes this one back; it names no company, so it moves no date. */
  public CompanyValue negated() {
    CompanyValue v = new CompanyValue();
    periods.forEach(
        (bucket, p) -> {
          Period n = new Period();
          n.basis = p.basis;
          n.referenceValueUsd = p.referenceValueUsd;
          n.returnUnits = p.returnUnits.negate();
          n.dollars = p.dollars.negate();
          n.varianceUnits = p.varianceUnits.negate();
          n.events = -p.events;
          v.periods.put(bucket, n);
        });
    return v;
  }

  public boolean isEmpty() {
    return periods.isEmpty();
  }

  public void writeTo(DataOutputStream out) throws IOException {
    VarInts.write(out, periods.size());
    for (Map.Entry<Bucket, Period> e : periods.entrySet()) {
      Period p = e.getValue();
      VarInts.write(out, e.getKey().referenceDate().toEpochDay());
      out.writeBoolean(e.getKey().beforeAll());
      out.writeByte(p.basis.ordinal());
      VarInts.write(out, p.referenceValueUsd);
      p.returnUnits.writeTo(out);
      p.dollars.writeTo(out);
      p.varianceUnits.writeTo(out);
      VarInts.write(out, p.events);
      VarInts.write(out, p.touchAt);
      out.writeUTF(p.touchId);
    }
  }

  public static CompanyValue readFrom(DataInputStream in) throws IOException {
    CompanyValue v = new CompanyValue();
    int n = (int) VarInts.read(in);
    for (int i = 0; i < n; i++) {
      Bucket b = new Bucket(LocalDate.ofEpochDay(VarInts.read(in)), in.readBoolean());
      Period p = new Period();
      p.basis = ValuationBasis.values()[in.readUnsignedByte()];
      p.referenceValueUsd = VarInts.read(in);
      p.returnUnits = ExactSum.readFrom(in);
      p.dollars = ExactSum.readFrom(in);
      p.varianceUnits = ExactSum.readFrom(in);
      p.events = VarInts.read(in);
      p.touchAt = VarInts.read(in);
      p.touchId = in.readUTF();
      v.periods.put(b, p);
    }
    return v;
  }
}
