package io.impactsim.views.capex;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.views.deals.DealTerms;
import io.impactsim.views.internal.EmbeddedRecords;
import io.impactsim.views.internal.ExactSum;
import io.impactsim.views.internal.VarInts;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the capex view knows of one company, as sums: the change one contract report or earnings
 * report makes, and the totals those changes add up to. Sums are exact integers (capacity in
 * micro-GW), headline commitments are kept per contract as the state its contract last sent, and
 * the latest earnings is a maximum by fiscal period; so totals are the same whatever order the
 * changes arrive in.
 *
 * <p>Values count by the market-share rules ({@link DealTerms#counts}); aggregate commitments
 * without a single provider are kept as headlines and out of the sums, which their individual
 * contracts already carry. Capacity and accelerators count for every bought contract that is more
 * than a letter of intent or talks, since capacity is often disclosed when the price is not.
 */
public final class CompanyCapex {
  /** Micro-GW per GW: capacity is summed in whole micro-GW so that removals are exact. */
  static final double MICRO = 1_000_000d;

  /** Which side of a contract a company is on. */
  public enum Role {
    BUYER,
    PROVIDER
  }

  ExactSum committedAsBuyerUsd = ExactSum.ZERO;
  ExactSum backlogAsProviderUsd = ExactSum.ZERO;
  final SortedMap<Integer, ExactSum> buyerByYear = new TreeMap<>();
  final SortedMap<Integer, ExactSum> providerByYear = new TreeMap<>();
  ExactSum capacityMicroGw = ExactSum.ZERO;
  final SortedMap<String, AcceleratorTally> accelerators = new TreeMap<>();
  // Contract -> its headline report, or null where the contract withdrew its headline.
  final SortedMap<String, DealAnnounced> headlines = new TreeMap<>();
  long contracts;
  long asOfMillis = Long.MIN_VALUE;
  EarningsReported latestEarnings;
  EarningsReported latestGuidance;

  public static CompanyCapex empty() {
    return new CompanyCapex();
  }

  /** The company's share of a contract report in one role, times {@code sign}. */
  public static CompanyCapex ofContract(DealAnnounced d, Role role, int sign) {
    CompanyCapex c = new CompanyCapex();
    c.contracts = sign;
    if (DealTerms.counts(d)) {
      long value = sign * d.getValueUsd();
      if (role == Role.BUYER) {
        c.committedAsBuyerUsd = ExactSum.of(value);
      } else {
        c.backlogAsProviderUsd = ExactSum.of(value);
      }
      SortedMap<Integer, ExactSum> years = role == Role.BUYER ? c.buyerByYear : c.providerByYear;
      Schedule.byYear(d.getValueUsd(), d.getTermMonths(), startOf(d))
          .forEach((year, usd) -> years.put(year, ExactSum.of(sign * usd)));
    }
    if (role == Role.BUYER && !DealTerms.isHeadline(d) && isFirm(d)) {
      double gw = d.getCapacityGw() == null ? 0 : d.getCapacityGw();
      c.capacityMicroGw = ExactSum.of(sign * Math.round(gw * MICRO));
      for (Accelerator a : d.getAccelerators()) {
        c.accelerators
            .computeIfAbsent(modelKey(a), k -> new AcceleratorTally(a.getVendor(), a.getModel()))
            .add(a, sign);
      }
    }
    return c;
  }

  /** The headline a contract now states for its buyer, or null to withdraw it. */
  public static CompanyCapex headline(String contract, DealAnnounced report) {
    CompanyCapex c = new CompanyCapex();
    c.headlines.put(contract, report);
    return c;
  }

  /** An earnings report of the company. */
  public static CompanyCapex ofEarnings(EarningsReported report) {
    CompanyCapex c = new CompanyCapex();
    c.latestEarnings = report;
    boolean guides =
        report.getCapexGuidanceLowUsd() != null || report.getCapexGuidanceHighUsd() != null;
    c.latestGuidance = guides ? report : null;
    c.asOfMillis = report.getMeta().getOccurredAt().toEpochMilli();
    return c;
  }

  /** A change that only says a report naming the company happened at {@code at}. */
  public static CompanyCapex touched(Instant at) {
    CompanyCapex c = new CompanyCapex();
    c.asOfMillis = at.toEpochMilli();
    return c;
  }

  /**
   * Adds another change into this one; a later headline state of a contract replaces the one
   * before.
   */
  public CompanyCapex add(CompanyCapex o) {
    committedAsBuyerUsd = committedAsBuyerUsd.plus(o.committedAsBuyerUsd);
    backlogAsProviderUsd = backlogAsProviderUsd.plus(o.backlogAsProviderUsd);
    addYears(buyerByYear, o.buyerByYear);
    addYears(providerByYear, o.providerByYear);
    capacityMicroGw = capacityMicroGw.plus(o.capacityMicroGw);
    o.accelerators.forEach(
        (key, t) ->
            accelerators.computeIfAbsent(key, k -> new AcceleratorTally(t.vendor, t.model)).add(t));
    accelerators.values().removeIf(AcceleratorTally::isEmpty);
    headlines.putAll(o.headlines);
    contracts += o.contracts;
    asOfMillis = Math.max(asOfMillis, o.asOfMillis);
    latestEarnings = later(latestEarnings, o.latestEarnings);
    latestGuidance = later(latestGuidance, o.latestGuidance);
    return this;
  }

  /** Drops withdrawn headlines: for running totals, once nothing later can refer to them. */
  public CompanyCapex compact() {
    headlines.values().removeIf(java.util.Objects::isNull);
    return this;
  }

  private static void addYears(Map<Integer, ExactSum> into, Map<Integer, ExactSum> from) {
    from.forEach((year, usd) -> into.merge(year, usd, ExactSum::plus));
    into.values().removeIf(ExactSum::isZero);
  }

  /** Later by fiscal period, then by event time, then by event id: a restatement replaces. */
  private static EarningsReported later(EarningsReported a, EarningsReported b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int byPeriod = b.getFiscalPeriod().compareTo(a.getFiscalPeriod());
    if (byPeriod != 0) {
      return byPeriod > 0 ? b : a;
    }
    int byTime = b.getMeta().getOccurredAt().compareTo(a.getMeta().getOccurredAt());
    if (byTime != 0) {
      return byTime > 0 ? b : a;
    }
    return b.getMeta().getEventId().compareTo(a.getMeta().getEventId()) > 0 ? b : a;
  }

  private static String modelKey(Accelerator a) {
    return io.impactsim.schemas.keys.CompositeKey.of(a.getVendor(), a.getModel());
  }

  private static LocalDate startOf(DealAnnounced d) {
    return d.getStartDate() != null
        ? d.getStartDate()
        : LocalDate.ofInstant(d.getMeta().getOccurredAt(), ZoneOffset.UTC);
  }

  private static boolean isFirm(DealAnnounced d) {
    return d.getValueQualifier() != ValueQualifier.LETTER_OF_INTENT
        && d.getValueQualifier() != ValueQualifier.IN_TALKS;
  }

  /** Writes the state; the embedded reports go in the encoding of their input topics. */
  public void writeTo(
      DataOutputStream out,
      EmbeddedRecords<DealAnnounced> deals,
      EmbeddedRecords<EarningsReported> earnings)
      throws IOException {
    committedAsBuyerUsd.writeTo(out);
    backlogAsProviderUsd.writeTo(out);
    writeYears(out, buyerByYear);
    writeYears(out, providerByYear);
    capacityMicroGw.writeTo(out);
    VarInts.write(out, accelerators.size());
    for (AcceleratorTally t : accelerators.values()) {
      out.writeUTF(t.vendor);
      out.writeUTF(t.model);
      t.count.writeTo(out);
      VarInts.write(out, t.unknown);
      VarInts.write(out, t.qualifiers.size());
      for (var q : t.qualifiers.entrySet()) {
        out.writeByte(q.getKey().ordinal());
        VarInts.write(out, q.getValue());
      }
    }
    VarInts.write(out, headlines.size());
    for (var h : headlines.entrySet()) {
      out.writeUTF(h.getKey());
      deals.write(out, h.getValue());
    }
    VarInts.write(out, contracts);
    VarInts.write(out, asOfMillis);
    earnings.write(out, latestEarnings);
    earnings.write(out, latestGuidance);
  }

  public static CompanyCapex readFrom(
      DataInputStream in,
      EmbeddedRecords<DealAnnounced> deals,
      EmbeddedRecords<EarningsReported> earnings)
      throws IOException {
    CompanyCapex c = new CompanyCapex();
    c.committedAsBuyerUsd = ExactSum.readFrom(in);
    c.backlogAsProviderUsd = ExactSum.readFrom(in);
    readYears(in, c.buyerByYear);
    readYears(in, c.providerByYear);
    c.capacityMicroGw = ExactSum.readFrom(in);
    int models = (int) VarInts.read(in);
    for (int i = 0; i < models; i++) {
      AcceleratorTally t = new AcceleratorTally(in.readUTF(), in.readUTF());
      t.count = ExactSum.readFrom(in);
      t.unknown = VarInts.read(in);
      int n = (int) VarInts.read(in);
      for (int j = 0; j < n; j++) {
        t.qualifiers.put(ValueQualifier.values()[in.readUnsignedByte()], VarInts.read(in));
      }
      c.accelerators.put(io.impactsim.schemas.keys.CompositeKey.of(t.vendor, t.model), t);
    }
    int headlines = (int) VarInts.read(in);
    for (int i = 0; i < headlines; i++) {
      c.headlines.put(in.readUTF(), deals.read(in));
    }
    c.contracts = VarInts.read(in);
    c.asOfMillis = VarInts.read(in);
    c.latestEarnings = earnings.read(in);
    c.latestGuidance = earnings.read(in);
    return c;
  }

  private static void writeYears(DataOutputStream out, SortedMap<Integer, ExactSum> years)
      throws IOException {
    VarInts.write(out, years.size());
    for (var e : years.entrySet()) {
      VarInts.write(out, e.getKey());
      e.getValue().writeTo(out);
    }
  }

  private static void readYears(DataInputStream in, SortedMap<Integer, ExactSum> years)
      throws IOException {
    int n = (int) VarInts.read(in);
    for (int i = 0; i < n; i++) {
      years.put((int) VarInts.read(in), ExactSum.readFrom(in));
    }
  }
}
