package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every report of one contract, in (occurredAt, eventId) order. */
record ContractReports(List<DealAnnounced> reports) {
  static final BinarySerde<ContractReports> SERDE = new Codec();

  private static final Comparator<DealAnnounced> ORDER =
      Comparator.<DealAnnounced, Long>comparing(d -> d.getMeta().getOccurredAt().toEpochMilli())
          .thenComparing(d -> d.getMeta().getEventId());

  ContractReports {
    reports = reports.stream().sorted(ORDER).toList();
  }

  static ContractReports empty() {
    return new ContractReports(List.of());
  }

  /** These reports with one added, replacing an earlier copy of the same event. */
  ContractReports with(DealAnnounced report) {
    List<DealAnnounced> next = new ArrayList<>();
    for (DealAnnounced r : reports) {
      if (!r.getMeta().getEventId().equals(report.getMeta().getEventId())) {
        next.add(r);
      }
    }
    next.add(report);
    return new ContractReports(next);
  }

  /** The report just before the given one, in order. */
  Optional<DealAnnounced> before(DealAnnounced report) {
    int i = indexOf(report);
    return i > 0 ? Optional.of(reports.get(i - 1)) : Optional.empty();
  }

  /** The report just after the given one, in order. */
  Optional<DealAnnounced> after(DealAnnounced report) {
    int i = indexOf(report);
    return i >= 0 && i + 1 < reports.size() ? Optional.of(reports.get(i + 1)) : Optional.empty();
  }

  private int indexOf(DealAnnounced report) {
    String id = report.getMeta().getEventId();
    for (int i = 0; i < reports.size(); i++) {
      if (reports.get(i).getMeta().getEventId().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static final class Codec extends BinarySerde<ContractReports> {
    Codec() {
      super(1);
    }

    @Override
    protected void write(DataOutputStream out, ContractReports c) throws IOException {
      out.writeInt(c.reports.size());
      for (DealAnnounced d : c.reports) {
        AvroBytes.write(out, DealAnnounced.getClassSchema(), d);
      }
    }

    @Override
    protected ContractReports read(DataInputStream in, int formatVersion) throws IOException {
      int n = in.readInt();
      List<DealAnnounced> reports = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        reports.add(AvroBytes.read(in, DealAnnounced.getClassSchema()));
      }
      return new ContractReports(reports);
    }
  }
}
