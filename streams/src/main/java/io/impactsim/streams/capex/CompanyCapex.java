package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.streams.capex.CapexInput.Role;
import io.impactsim.streams.share.DealTerms;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the capex view knows of one company, as running totals: every change adds the contribution
 * of a contract's new report and takes away that of the report it replaces, so an update costs the
 * same however many contracts the company has. Sums are exact integers (capacity in micro-GW), so
 * the totals do not depend on the order the changes arrive in.
 *
 * <p>Values count by the market-share rules ({@link DealTerms#counts}); aggregate commitments
 * without a single provider are kept as headlines and out of the sums, which their individual
 * contracts already carry. Capacity and accelerators count for every bought contract that is more
 * than a letter of intent or talks, since capacity is often disclosed when the price is not.
 */
public final class CompanyCapex {
  /** Micro-GW per GW: capacity is summed in whole micro-GW so that removals are exact. */
  static final double MICRO = 1_000_000d;

  long committedAsBuyerUsd;
  long backlogAsProviderUsd;
  final SortedMap<Integer, Long> buyerByYear;
  final SortedMap<Integer, Long> providerByYear;
  long capacityMicroGw;
  final SortedMap<String, AcceleratorTally> accelerators;
  final SortedMap<String, DealAnnounced> headlines;
  int contracts;
  long asOfMillis;
  EarningsReported latestEarnings;
  EarningsReported latestGuidance;

  CompanyCapex() {
    buyerByYear = new TreeMap<>();
    providerByYear = new TreeMap<>();
    accelerators = new TreeMap<>();
    headlines = new TreeMap<>();
  }

  private CompanyCapex(CompanyCapex c) {
    committedAsBuyerUsd = c.committedAsBuyerUsd;
    backlogAsProviderUsd = c.backlogAsProviderUsd;
    buyerByYear = new TreeMap<>(c.buyerByYear);
    providerByYear = new TreeMap<>(c.providerByYear);
    capacityMicroGw = c.capacityMicroGw;
    accelerators = new TreeMap<>();
    c.accelerators.forEach((k, v) -> accelerators.put(k, v.copy()));
    headlines = new TreeMap<>(c.headlines);
    contracts = c.contracts;
    asOfMillis = c.asOfMillis;
    latestEarnings = c.latestEarnings;
    latestGuidance = c.latestGuidance;
  }

  public static CompanyCapex empty() {
    return new CompanyCapex();
  }

  /** A new state with one change applied; this one is left as it was. */
  public CompanyCapex with(CapexInput in) {
    CompanyCapex next = new CompanyCapex(this);
    next.asOfMillis = Math.max(asOfMillis, in.at().toEpochMilli());
    if (in.role() == Role.REPORTER) {
      next.withEarnings(in.earnings());
    } else {
      if (in.previous() != null) {
        next.apply(in.role(), in.contract(), in.previous(), -1);
      }
      if (in.deal() != null) {
        next.apply(in.role(), in.contract(), in.deal(), 1);
      }
    }
    return next;
  }

  private void apply(Role role, String contract, DealAnnounced d, int sign) {
    contracts += sign;
    if (DealTerms.counts(d)) {
      long value = sign * d.getValueUsd();
      SortedMap<Integer, Long> years = role == Role.BUYER ? buyerByYear : providerByYear;
      if (role == Role.BUYER) {
        committedAsBuyerUsd += value;
      } else {
        backlogAsProviderUsd += value;
      }
      Schedule.byYear(d.getValueUsd(), d.getTermMonths(), startOf(d))
          .forEach((year, usd) -> add(years, year, sign * usd));
    }
    if (role != Role.BUYER) {
      return;
    }
    if (DealTerms.isHeadline(d)) {
      if (sign > 0) {
        headlines.put(contract, d);
      } else {
        headlines.remove(contract);
      }
    } else if (isFirm(d)) {
      capacityMicroGw +=
          sign * Math.round((d.getCapacityGw() == null ? 0 : d.getCapacityGw()) * MICRO);
      for (Accelerator a : d.getAccelerators()) {
        String model = a.getVendor() + "|" + a.getModel();
        AcceleratorTally tally =
            accelerators.computeIfAbsent(
                model, k -> new AcceleratorTally(a.getVendor(), a.getModel()));
        tally.add(a, sign);
        if (tally.isEmpty()) {
          accelerators.remove(model);
        }
      }
    }
  }

  private static void add(Map<Integer, Long> years, int year, long usd) {
    long sum = years.getOrDefault(year, 0L) + usd;
    if (sum == 0) {
      years.remove(year);
    } else {
      years.put(year, sum);
    }
  }

  private void withEarnings(EarningsReported report) {
    if (later(latestEarnings, report)) {
      latestEarnings = report;
    }
    boolean guides =
        report.getCapexGuidanceLowUsd() != null || report.getCapexGuidanceHighUsd() != null;
    if (guides && later(latestGuidance, report)) {
      latestGuidance = report;
    }
  }

  /** Later by fiscal period, then by event time: a restated quarter replaces the original. */
  private static boolean later(EarningsReported current, EarningsReported candidate) {
    if (current == null) {
      return true;
    }
    int byPeriod = candidate.getFiscalPeriod().compareTo(current.getFiscalPeriod());
    return byPeriod > 0
        || (byPeriod == 0
            && !candidate.getMeta().getOccurredAt().isBefore(current.getMeta().getOccurredAt()));
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
}
