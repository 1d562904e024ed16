package io.impactsim.views.events;

import io.impactsim.model.EarningsHistory;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.internal.BinarySerde;
import io.impactsim.views.internal.EmbeddedRecords;
import io.impactsim.views.marketcap.CompanyValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A company's most recent quarterly reports, by fiscal period, each with what its reaction added to
 * the company's value when last priced: the model's trend expectation reads the earlier quarters,
 * and a late earlier quarter changes what the later ones added.
 */
record EarningsState(List<Quarter> quarters) {
  private static final Comparator<Quarter> BY_PERIOD =
      Comparator.comparing(q -> q.report().getFiscalPeriod());

  record Quarter(EarningsReported report, Map<String, CompanyValue> sent) {}

  EarningsState {
    quarters = quarters.stream().sorted(BY_PERIOD).toList();
  }

  static EarningsState empty() {
    return new EarningsState(List.of());
  }

  boolean contains(String eventId) {
    return quarters.stream().anyMatch(q -> q.report().getMeta().getEventId().equals(eventId));
  }

  /**
   * Whether a report falls before the kept history: the history is full and its period is older
   * than every kept one. Such a report is outside the state's horizon and is not applied.
   */
  boolean beforeHorizon(EarningsReported report, int maxQuarters) {
    return quarters.size() >= maxQuarters
        && report.getFiscalPeriod().compareTo(quarters.get(0).report().getFiscalPeriod()) < 0;
  }

  /**
   * The history with a report added, replacing the earlier report of the same period (its reaction
   * stands; the quarter is now this report's), keeping the {@code maxQuarters} latest periods.
   */
  EarningsState with(EarningsReported report, int maxQuarters) {
    List<Quarter> next = new ArrayList<>();
    for (Quarter q : quarters) {
      if (!q.report().getFiscalPeriod().equals(report.getFiscalPeriod())) {
        next.add(q);
      }
    }
    next.add(new Quarter(report, Map.of()));
    next.sort(BY_PERIOD);
    return new EarningsState(next.subList(Math.max(0, next.size() - maxQuarters), next.size()));
  }

  EarningsState withSent(String fiscalPeriod, Map<String, CompanyValue> sent) {
    List<Quarter> next = new ArrayList<>(quarters);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).report().getFiscalPeriod().equals(fiscalPeriod)) {
        next.set(i, new Quarter(next.get(i).report(), new LinkedHashMap<>(sent)));
      }
    }
    return new EarningsState(next);
  }

  /** The quarters of the period given and later. */
  List<Quarter> from(String fiscalPeriod) {
    return quarters.stream()
        .filter(q -> q.report().getFiscalPeriod().compareTo(fiscalPeriod) >= 0)
        .toList();
  }

  EarningsHistory history() {
    return new EarningsHistory(quarters.stream().map(Quarter::report).toList());
  }

  static BinarySerde<EarningsState> serde(TopicCatalog topics) {
    EmbeddedRecords<EarningsReported> earnings = new EmbeddedRecords<>(topics.earnings());
    return new BinarySerde<>(1) {
      @Override
      protected void write(DataOutputStream out, EarningsState s) throws IOException {
        out.writeInt(s.quarters.size());
        for (Quarter q : s.quarters) {
          earnings.write(out, q.report());
          Sent.write(out, q.sent());
        }
      }

      @Override
      protected EarningsState read(DataInputStream in, int formatVersion) throws IOException {
        int n = in.readInt();
        List<Quarter> quarters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          EarningsReported report = earnings.read(in);
          Map<String, CompanyValue> sent = Sent.read(in);
          quarters.add(new Quarter(report, sent));
        }
        return new EarningsState(quarters);
      }
    };
  }
}
