package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.HeadlineCommitment;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.avro.YearlyCommitment;
import io.impactsim.streams.share.DealTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a company's published capex view from its contracts and earnings. Values count by the
 * market-share rules ({@link DealTerms#counts}); aggregate commitments without a single provider
 * are listed as headlines and kept out of the sums, which their individual contracts already carry.
 * Capacity and accelerators count for every bought contract that is more than a letter of intent or
 * talks, since capacity is often disclosed when the price is not.
 */
final class CapexView {
  private CapexView() {}

  static CapexCommitments of(String company, CompanyCapex c) {
    Map<Integer, long[]> years = new TreeMap<>();
    long asBuyer = sumInto(years, c.asBuyer().values(), 0);
    long asProvider = sumInto(years, c.asProvider().values(), 1);
    List<DealAnnounced> secured =
        c.asBuyer().values().stream().filter(d -> !DealTerms.isHeadline(d) && isFirm(d)).toList();
    EarningsReported latest = c.latestEarnings();
    EarningsReported guidance = c.latestGuidance();
    return CapexCommitments.newBuilder()
        .setCompany(company)
        .setAsOf(Instant.ofEpochMilli(asOf(c)))
        .setCommittedAsBuyerUsd(asBuyer)
        .setBacklogAsProviderUsd(asProvider)
        .setSchedule(schedule(years))
        .setCapacityGw(
            secured.stream()
                .mapToDouble(d -> d.getCapacityGw() == null ? 0 : d.getCapacityGw())
                .sum())
        .setAccelerators(Accelerators.merge(secured))
        .setHeadlineCommitments(headlines(c.asBuyer().values()))
        .setLatestFiscalPeriod(latest == null ? null : latest.getFiscalPeriod())
        .setLatestQuarterCapexUsd(latest == null ? null : latest.getCapexUsd())
        .setCapexGuidanceLowUsd(guidance == null ? null : guidance.getCapexGuidanceLowUsd())
        .setCapexGuidanceHighUsd(guidance == null ? null : guidance.getCapexGuidanceHighUsd())
        .setDealCount(c.asBuyer().size() + c.asProvider().size())
        .build();
  }

  private static long sumInto(
      Map<Integer, long[]> years, Iterable<DealAnnounced> deals, int column) {
    long total = 0;
    for (DealAnnounced d : deals) {
      if (!DealTerms.counts(d)) {
        continue;
      }
      total += d.getValueUsd();
      Schedule.byYear(d.getValueUsd(), d.getTermMonths(), startOf(d))
          .forEach((year, usd) -> years.computeIfAbsent(year, y -> new long[2])[column] += usd);
    }
    return total;
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

  private static List<YearlyCommitment> schedule(Map<Integer, long[]> years) {
    List<YearlyCommitment> out = new ArrayList<>(years.size());
    years.forEach(
        (year, usd) ->
            out.add(
                YearlyCommitment.newBuilder()
                    .setYear(year)
                    .setAsBuyerUsd(usd[0])
                    .setAsProviderUsd(usd[1])
                    .build()));
    return out;
  }

  private static List<HeadlineCommitment> headlines(Iterable<DealAnnounced> bought) {
    List<DealAnnounced> headlines = new ArrayList<>();
    bought.forEach(
        d -> {
          if (DealTerms.isHeadline(d)) {
            headlines.add(d);
          }
        });
    headlines.sort(Comparator.comparing((DealAnnounced d) -> d.getMeta().getOccurredAt()));
    return headlines.stream()
        .map(
            d ->
                HeadlineCommitment.newBuilder()
                    .setEventId(d.getMeta().getEventId())
                    .setValueUsd(d.getValueUsd())
                    .setValueQualifier(d.getValueQualifier())
                    .setCapacityGw(d.getCapacityGw())
                    .setDescription(d.getNotes() == null ? "" : d.getNotes())
                    .build())
        .toList();
  }

  private static long asOf(CompanyCapex c) {
    long asOf = 0;
    for (DealAnnounced d : c.asBuyer().values()) {
      asOf = Math.max(asOf, d.getMeta().getOccurredAt().toEpochMilli());
    }
    for (DealAnnounced d : c.asProvider().values()) {
      asOf = Math.max(asOf, d.getMeta().getOccurredAt().toEpochMilli());
    }
    if (c.latestEarnings() != null) {
      asOf = Math.max(asOf, c.latestEarnings().getMeta().getOccurredAt().toEpochMilli());
    }
    return asOf;
  }

  /** Sums the accelerators named in contracts, per vendor and model. */
  static final class Accelerators {
    private Accelerators() {}

    static List<Accelerator> merge(List<DealAnnounced> deals) {
      Map<String, List<Accelerator>> byModel = new TreeMap<>();
      for (DealAnnounced d : deals) {
        for (Accelerator a : d.getAccelerators()) {
          byModel
              .computeIfAbsent(a.getVendor() + "|" + a.getModel(), k -> new ArrayList<>())
              .add(a);
        }
      }
      List<Accelerator> out = new ArrayList<>();
      byModel.values().forEach(group -> out.add(total(group)));
      return out;
    }

    /**
     * One model's total: known counts add up; the qualifier is shared if all agree, AT_LEAST when
     * some counts are unknown, APPROX when firm counts of different kinds mix.
     */
    private static Accelerator total(List<Accelerator> group) {
      Long count = null;
      boolean someUnknown = false;
      ValueQualifier shared = null;
      boolean mixed = false;
      for (Accelerator a : group) {
        if (a.getCount() == null) {
          someUnknown = true;
          continue;
        }
        count = (count == null ? 0 : count) + a.getCount();
        mixed |= shared != null && shared != a.getCountQualifier();
        shared = a.getCountQualifier();
      }
      ValueQualifier qualifier =
          count == null
              ? ValueQualifier.UNDISCLOSED
              : someUnknown ? ValueQualifier.AT_LEAST : mixed ? ValueQualifier.APPROX : shared;
      Accelerator first = group.get(0);
      return Accelerator.newBuilder()
          .setVendor(first.getVendor())
          .setModel(first.getModel())
          .setCount(count)
          .setCountQualifier(qualifier)
          .build();
    }
  }
}
