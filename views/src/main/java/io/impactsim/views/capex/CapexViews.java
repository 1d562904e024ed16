package io.impactsim.views.capex;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.HeadlineCommitment;
import io.impactsim.schemas.avro.YearlyCommitment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds a company's published capex view from its totals. Lists are bounded, so that no company's
 * record can outgrow what the broker accepts: the schedule by its years (dates are bounded), the
 * accelerators and headline commitments by {@link #MAX_LISTED}, the largest and the latest first.
 */
public final class CapexViews {
  /** Most accelerator models and headline commitments a record lists. */
  static final int MAX_LISTED = 200;

  private CapexViews() {}

  public static CapexCommitments of(String company, CompanyCapex c) {
    EarningsReported latest = c.latestEarnings;
    EarningsReported guidance = c.latestGuidance;
    return CapexCommitments.newBuilder()
        .setCompany(company)
        .setAsOf(Instant.ofEpochMilli(Math.max(0, c.asOfMillis)))
        .setCommittedAsBuyerUsd(c.committedAsBuyerUsd.toLongSaturated())
        .setBacklogAsProviderUsd(c.backlogAsProviderUsd.toLongSaturated())
        .setSchedule(schedule(c))
        .setCapacityGw(c.capacityMicroGw.toDouble() / CompanyCapex.MICRO)
        .setAccelerators(accelerators(c))
        .setHeadlineCommitments(headlines(c))
        .setLatestFiscalPeriod(latest == null ? null : latest.getFiscalPeriod())
        .setLatestQuarterCapexUsd(latest == null ? null : latest.getCapexUsd())
        .setCapexGuidanceLowUsd(guidance == null ? null : guidance.getCapexGuidanceLowUsd())
        .setCapexGuidanceHighUsd(guidance == null ? null : guidance.getCapexGuidanceHighUsd())
        .setDealCount((int) Math.max(0, Math.min(Integer.MAX_VALUE, c.contracts)))
        .build();
  }

  private static List<YearlyCommitment> schedule(CompanyCapex c) {
    TreeSet<Integer> years = new TreeSet<>(c.buyerByYear.keySet());
    years.addAll(c.providerByYear.keySet());
    List<YearlyCommitment> out = new ArrayList<>(years.size());
    for (int year : years) {
      var buyer = c.buyerByYear.get(year);
      var provider = c.providerByYear.get(year);
      out.add(
          YearlyCommitment.newBuilder()
              .setYear(year)
              .setAsBuyerUsd(buyer == null ? 0 : buyer.toLongSaturated())
              .setAsProviderUsd(provider == null ? 0 : provider.toLongSaturated())
              .build());
    }
    return out;
  }

  private static List<Accelerator> accelerators(CompanyCapex c) {
    List<Accelerator> all = new ArrayList<>(c.accelerators.size());
    c.accelerators.values().forEach(t -> all.add(t.total()));
    if (all.size() <= MAX_LISTED) {
      return all;
    }
    all.sort(
        Comparator.comparing((Accelerator a) -> a.getCount() == null ? -1 : a.getCount())
            .reversed()
            .thenComparing(Accelerator::getVendor)
            .thenComparing(Accelerator::getModel));
    return all.subList(0, MAX_LISTED);
  }

  private static List<HeadlineCommitment> headlines(CompanyCapex c) {
    List<DealAnnounced> headlines = new ArrayList<>();
    c.headlines.values().stream().filter(Objects::nonNull).forEach(headlines::add);
    headlines.sort(
        Comparator.comparing((DealAnnounced d) -> d.getMeta().getOccurredAt())
            .thenComparing(d -> d.getMeta().getEventId()));
    List<DealAnnounced> listed =
        headlines.subList(Math.max(0, headlines.size() - MAX_LISTED), headlines.size());
    return listed.stream()
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
}
