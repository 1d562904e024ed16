package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.internal.BinarySerde;
import io.impactsim.streams.internal.EmbeddedRecords;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * One change to a company's capex view: a contract in which the company is buyer or provider, with
 * the report that was in force for the company in that role before (null if none) and the one in
 * force now (null when the company is no longer party to it in that role); or an earnings report.
 * Carrying both reports lets the company's totals change by the difference alone.
 *
 * @param at event time of the change: the report that caused it
 */
public record CapexInput(
    Role role,
    String contract,
    DealAnnounced previous,
    DealAnnounced deal,
    EarningsReported earnings,
    Instant at) {

  /** Which side of a contract the company is on. */
  public enum Role {
    BUYER,
    PROVIDER,
    /** Not a contract: an earnings report. */
    REPORTER
  }

  static CapexInput contract(
      Role role, String contract, DealAnnounced previous, DealAnnounced deal, Instant at) {
    return new CapexInput(role, contract, previous, deal, null, at);
  }

  static CapexInput earnings(EarningsReported report) {
    return new CapexInput(Role.REPORTER, "", null, null, report, report.getMeta().getOccurredAt());
  }

  /** Serde of the repartition topic, embedding records as their input topics encode them. */
  public static BinarySerde<CapexInput> serde(TopicCatalog topics) {
    EmbeddedRecords<DealAnnounced> deals = new EmbeddedRecords<>(topics.deals());
    EmbeddedRecords<EarningsReported> earnings = new EmbeddedRecords<>(topics.earnings());
    return new BinarySerde<>(2, 2) {
      @Override
      protected void write(DataOutputStream out, CapexInput in) throws IOException {
        out.writeByte(in.role.ordinal());
        out.writeUTF(in.contract);
        deals.write(out, in.previous);
        deals.write(out, in.deal);
        earnings.write(out, in.earnings);
        out.writeLong(in.at.toEpochMilli());
      }

      @Override
      protected CapexInput read(DataInputStream in, int formatVersion) throws IOException {
        Role role = Role.values()[in.readUnsignedByte()];
        return new CapexInput(
            role,
            in.readUTF(),
            deals.read(in),
            deals.read(in),
            earnings.read(in),
            Instant.ofEpochMilli(in.readLong()));
      }
    };
  }
}
