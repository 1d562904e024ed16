package io.impactsim.model;

import io.impactsim.schemas.avro.EarningsReported;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One company's most recent quarterly reports, ordered by fiscal period: the state the model needs
 * to form a trend expectation when a report carries no consensus. Periods are labelled {@code
 * YYYY-Qn}, so their text order is their time order.
 */
public record EarningsHistory(List<EarningsReported> quarters) {
  private static final Comparator<EarningsReported> BY_PERIOD =
      Comparator.comparing(EarningsReported::getFiscalPeriod);

  public EarningsHistory {
    quarters = quarters.stream().sorted(BY_PERIOD).toList();
  }

  public static EarningsHistory empty() {
    return new EarningsHistory(List.of());
  }

  /**
   * The history with a report added, replacing an earlier report of the same period, keeping the
   * {@code maxQuarters} latest periods.
   */
  public EarningsHistory with(EarningsReported report, int maxQuarters) {
    List<EarningsReported> next = new ArrayList<>();
    for (EarningsReported q : quarters) {
      if (!q.getFiscalPeriod().equals(report.getFiscalPeriod())) {
        next.add(q);
      }
    }
    next.add(report);
    next.sort(BY_PERIOD);
    return new EarningsHistory(next.subList(Math.max(0, next.size() - maxQuarters), next.size()));
  }

  /** The reports of periods strictly before {@code fiscalPeriod}. */
  public List<EarningsReported> before(String fiscalPeriod) {
    return quarters.stream().filter(q -> q.getFiscalPeriod().compareTo(fiscalPeriod) < 0).toList();
  }

  /** The reports of periods strictly after {@code fiscalPeriod}. */
  public List<EarningsReported> after(String fiscalPeriod) {
    return quarters.stream().filter(q -> q.getFiscalPeriod().compareTo(fiscalPeriod) > 0).toList();
  }
}
