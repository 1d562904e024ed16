package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.internal.BinarySerde;
import io.impactsim.streams.internal.EmbeddedRecords;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One change to a company's capex view: a contract in which the company is buyer or provider (its
 * report in force, or null when the company is no longer party to it), or an earnings report.
 */
public record CapexInput(
    Role role, String contract, DealAnnounced deal, EarningsReported earnings) {

  /** Which side of a contract the company is on. */
  public enum Role {
    BUYER,
    PROVIDER,
    /** Not a contract: an earnings report. */
    REPORTER
  }

  static CapexInput contract(Role role, String contract, DealAnnounced deal) {
    return new CapexInput(role, contract, deal, null);
  }

  static CapexInput earnings(EarningsReported report) {
    return new CapexInput(Role.REPORTER, "", null, report);
  }

  /** Serde of the repartition topic, embedding records as their input topics encode them. */
  public static BinarySerde<CapexInput> serde(TopicCatalog topics) {
    EmbeddedRecords<DealAnnounced> deals = new EmbeddedRecords<>(topics.deals());
    EmbeddedRecords<EarningsReported> earnings = new EmbeddedRecords<>(topics.earnings());
    return new BinarySerde<>(1) {
      @Override
      protected void write(DataOutputStream out, CapexInput in) throws IOException {
        out.writeByte(in.role.ordinal());
        out.writeUTF(in.contract);
        deals.write(out, in.deal);
        earnings.write(out, in.earnings);
      }

      @Override
      protected CapexInput read(DataInputStream in, int formatVersion) throws IOException {
        Role role = Role.values()[in.readUnsignedByte()];
        return new CapexInput(role, in.readUTF(), deals.read(in), earnings.read(in));
      }
    };
  }
}
