package io.impactsim.views.events;

import io.impactsim.schemas.avro.DealAnnounced;
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
 * Every report of one contract in event-time order, (occurredAt, eventId), each with what its
 * reactions added to the companies' values when last priced, so that pricing it again sends only
 * the difference.
 */
record ContractState(List<Report> reports) {
  private static final Comparator<Report> ORDER =
      Comparator.<Report, Long>comparing(r -> r.deal().getMeta().getOccurredAt().toEpochMilli())
          .thenComparing(r -> r.deal().getMeta().getEventId());

  /** One report and its contributions to the companies' values, by company. */
  record Report(DealAnnounced deal, Map<String, CompanyValue> sent) {}

  ContractState {
    reports = reports.stream().sorted(ORDER).toList();
  }

  static ContractState empty() {
    return new ContractState(List.of());
  }

  boolean contains(String eventId) {
    return indexOf(eventId) >= 0;
  }

  /** These reports with one more, not yet priced. */
  ContractState with(DealAnnounced deal) {
    List<Report> next = new ArrayList<>(reports);
    next.add(new Report(deal, Map.of()));
    return new ContractState(next);
  }

  /** These reports with the contributions of one replaced. */
  ContractState withSent(String eventId, Map<String, CompanyValue> sent) {
    List<Report> next = new ArrayList<>(reports);
    int i = indexOf(eventId);
    next.set(i, new Report(next.get(i).deal(), new LinkedHashMap<>(sent)));
    return new ContractState(next);
  }

  int indexOf(String eventId) {
    for (int i = 0; i < reports.size(); i++) {
      if (reports.get(i).deal().getMeta().getEventId().equals(eventId)) {
        return i;
      }
    }
    return -1;
  }

  /** The report at a position, or null outside the list. */
  Report at(int i) {
    return i >= 0 && i < reports.size() ? reports.get(i) : null;
  }

  /** The report in force: the latest in event-time order; null when there is none. */
  DealAnnounced latest() {
    return reports.isEmpty() ? null : reports.get(reports.size() - 1).deal();
  }

  static BinarySerde<ContractState> serde(TopicCatalog topics) {
    EmbeddedRecords<DealAnnounced> deals = new EmbeddedRecords<>(topics.deals());
    return new BinarySerde<>(1) {
      @Override
      protected void write(DataOutputStream out, ContractState s) throws IOException {
        out.writeInt(s.reports.size());
        for (Report r : s.reports) {
          deals.write(out, r.deal());
          Sent.write(out, r.sent());
        }
      }

      @Override
      protected ContractState read(DataInputStream in, int formatVersion) throws IOException {
        int n = in.readInt();
        List<Report> reports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          DealAnnounced deal = deals.read(in);
          Map<String, CompanyValue> sent = Sent.read(in);
          reports.add(new Report(deal, sent));
        }
        return new ContractState(reports);
      }
    };
  }
}
