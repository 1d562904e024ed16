package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.internal.BinarySerde;
import io.impactsim.streams.internal.EmbeddedRecords;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Serde of the company store. Format 2 holds running totals; format 1 held every contract and was
 * read with inputs that did not carry the replaced report, so it cannot be continued from.
 */
final class CompanyCapexSerde extends BinarySerde<CompanyCapex> {
  private final EmbeddedRecords<DealAnnounced> deals;
  private final EmbeddedRecords<EarningsReported> earnings;

  CompanyCapexSerde(TopicCatalog topics) {
    super(2, 2);
    deals = new EmbeddedRecords<>(topics.deals());
    earnings = new EmbeddedRecords<>(topics.earnings());
  }

  @Override
  protected void write(DataOutputStream out, CompanyCapex c) throws IOException {
    out.writeLong(c.committedAsBuyerUsd);
    out.writeLong(c.backlogAsProviderUsd);
    writeYears(out, c.buyerByYear);
    writeYears(out, c.providerByYear);
    out.writeLong(c.capacityMicroGw);
    out.writeInt(c.accelerators.size());
    for (AcceleratorTally t : c.accelerators.values()) {
      out.writeUTF(t.vendor);
      out.writeUTF(t.model);
      out.writeLong(t.count);
      out.writeInt(t.unknown);
      out.writeInt(t.qualifiers.size());
      for (var q : t.qualifiers.entrySet()) {
        out.writeUTF(q.getKey().name());
        out.writeInt(q.getValue());
      }
    }
    out.writeInt(c.headlines.size());
    for (var h : c.headlines.entrySet()) {
      out.writeUTF(h.getKey());
      deals.write(out, h.getValue());
    }
    out.writeInt(c.contracts);
    out.writeLong(c.asOfMillis);
    earnings.write(out, c.latestEarnings);
    earnings.write(out, c.latestGuidance);
  }

  @Override
  protected CompanyCapex read(DataInputStream in, int formatVersion) throws IOException {
    CompanyCapex c = new CompanyCapex();
    c.committedAsBuyerUsd = in.readLong();
    c.backlogAsProviderUsd = in.readLong();
    readYears(in, c.buyerByYear);
    readYears(in, c.providerByYear);
    c.capacityMicroGw = in.readLong();
    int models = in.readInt();
    for (int i = 0; i < models; i++) {
      String vendor = in.readUTF();
      String model = in.readUTF();
      long count = in.readLong();
      int unknown = in.readInt();
      int n = in.readInt();
      Map<ValueQualifier, Integer> qualifiers = new EnumMap<>(ValueQualifier.class);
      for (int j = 0; j < n; j++) {
        qualifiers.put(ValueQualifier.valueOf(in.readUTF()), in.readInt());
      }
      c.accelerators.put(
          vendor + "|" + model, new AcceleratorTally(vendor, model, count, unknown, qualifiers));
    }
    int headlines = in.readInt();
    for (int i = 0; i < headlines; i++) {
      c.headlines.put(in.readUTF(), deals.read(in));
    }
    c.contracts = in.readInt();
    c.asOfMillis = in.readLong();
    c.latestEarnings = earnings.read(in);
    c.latestGuidance = earnings.read(in);
    return c;
  }

  private static void writeYears(DataOutputStream out, SortedMap<Integer, Long> years)
      throws IOException {
    out.writeInt(years.size());
    for (var e : years.entrySet()) {
      out.writeInt(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static void readYears(DataInputStream in, SortedMap<Integer, Long> years)
      throws IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      years.put(in.readInt(), in.readLong());
    }
  }
}
