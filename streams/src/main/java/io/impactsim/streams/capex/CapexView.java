package io.impactsim.streams.capex;

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
import java.util.TreeSet;

/** Builds a company's published capex view from its running totals. */
final class CapexView {
  private CapexView() {}

  static CapexCommitments of(String company, CompanyCapex c) {
    EarningsReported latest = c.latestEarnings;
    EarningsReported guidance = c.latestGuidance;
    List<Accelerator> accelerators = new ArrayList<>(c.accelerators.size());
    c.accelerators.values().forEach(t -> accelerators.add(t.total()));
    return CapexCommitments.newBuilder()
        .setCompany(company)
        .setAsOf(Instant.ofEpochMilli(c.asOfMillis))
        .setCommittedAsBuyerUsd(c.committedAsBuyerUsd)
        .setBacklogAsProviderUsd(c.backlogAsProviderUsd)
        .setSchedule(schedule(c))
        .setCapacityGw(c.capacityMicroGw / CompanyCapex.MICRO)
        .setAccelerators(accelerators)
        .setHeadlineCommitments(headlines(c))
        .setLatestFiscalPeriod(latest == null ? null : latest.getFiscalPeriod())
        .setLatestQuarterCapexUsd(latest == null ? null : latest.getCapexUsd())
        .setCapexGuidanceLowUsd(guidance == null ? null : guidance.getCapexGuidanceLowUsd())
        .setCapexGuidanceHighUsd(guidance == null ? null : guidance.getCapexGuidanceHighUsd())
        .setDealCount(c.contracts)
        .build();
  }

  private static List<YearlyCommitment> schedule(CompanyCapex c) {
    TreeSet<Integer> years = new TreeSet<>(c.buyerByYear.keySet());
    years.addAll(c.providerByYear.keySet());
    List<YearlyCommitment> out = new ArrayList<>(years.size());
    for (int year : years) {
      out.add(
          YearlyCommitment.newBuilder()
              .setYear(year)
              .setAsBuyerUsd(c.buyerByYear.getOrDefault(year, 0L))
              .setAsProviderUsd(c.providerByYear.getOrDefault(year, 0L))
              .build());
    }
    return out;
  }

  private static List<HeadlineCommitment> headlines(CompanyCapex c) {
    List<DealAnnounced> headlines = new ArrayList<>(c.headlines.values());
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
}
