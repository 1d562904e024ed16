package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.internal.BinarySerde;
import io.impactsim.streams.internal.EmbeddedRecords;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the capex view knows of one company: the report in force of each contract it buys or
 * provides under, its latest earnings report, and the latest one that gave capex guidance.
 */
public record CompanyCapex(
    Map<String, DealAnnounced> asBuyer,
    Map<String, DealAnnounced> asProvider,
    EarningsReported latestEarnings,
    EarningsReported latestGuidance) {

  public CompanyCapex {
    asBuyer = Map.copyOf(asBuyer);
    asProvider = Map.copyOf(asProvider);
  }

  public static CompanyCapex empty() {
    return new CompanyCapex(Map.of(), Map.of(), null, null);
  }

  /** This state with one change applied. */
  public CompanyCapex with(CapexInput in) {
    return switch (in.role()) {
      case BUYER ->
          new CompanyCapex(
              put(asBuyer, in.contract(), in.deal()), asProvider, latestEarnings, latestGuidance);
      case PROVIDER ->
          new CompanyCapex(
              asBuyer, put(asProvider, in.contract(), in.deal()), latestEarnings, latestGuidance);
      case REPORTER -> withEarnings(in.earnings());
    };
  }

  private CompanyCapex withEarnings(EarningsReported report) {
    EarningsReported latest = later(latestEarnings, report) ? report : latestEarnings;
    boolean guides =
        report.getCapexGuidanceLowUsd() != null || report.getCapexGuidanceHighUsd() != null;
    EarningsReported guidance = guides && later(latestGuidance, report) ? report : latestGuidance;
    return new CompanyCapex(asBuyer, asProvider, latest, guidance);
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

  private static Map<String, DealAnnounced> put(
      Map<String, DealAnnounced> contracts, String contract, DealAnnounced deal) {
    Map<String, DealAnnounced> next = new TreeMap<>(contracts);
    if (deal == null) {
      next.remove(contract);
    } else {
      next.put(contract, deal);
    }
    return next;
  }

  /** Serde of the company store, embedding records as their input topics encode them. */
  public static BinarySerde<CompanyCapex> serde(TopicCatalog topics) {
    EmbeddedRecords<DealAnnounced> deals = new EmbeddedRecords<>(topics.deals());
    EmbeddedRecords<EarningsReported> earnings = new EmbeddedRecords<>(topics.earnings());
    return new BinarySerde<>(1) {
      @Override
      protected void write(DataOutputStream out, CompanyCapex c) throws IOException {
        writeContracts(out, c.asBuyer);
        writeContracts(out, c.asProvider);
        earnings.write(out, c.latestEarnings);
        earnings.write(out, c.latestGuidance);
      }

      @Override
      protected CompanyCapex read(DataInputStream in, int formatVersion) throws IOException {
        return new CompanyCapex(
            readContracts(in), readContracts(in), earnings.read(in), earnings.read(in));
      }

      private void writeContracts(DataOutputStream out, Map<String, DealAnnounced> contracts)
          throws IOException {
        out.writeInt(contracts.size());
        for (var e : contracts.entrySet()) {
          out.writeUTF(e.getKey());
          deals.write(out, e.getValue());
        }
      }

      private Map<String, DealAnnounced> readContracts(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, DealAnnounced> contracts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          contracts.put(in.readUTF(), deals.read(in));
        }
        return contracts;
      }
    };
  }
}
