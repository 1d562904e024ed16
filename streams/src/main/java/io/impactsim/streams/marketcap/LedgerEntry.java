package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One event of a company's ledger: its impact and the running figures just after it, in
 * (occurredAt, eventId) order. Factors rather than dollars are kept so that a new reference value
 * needs no rewrite. Events up to the reference date are already in the reference value: they get a
 * reaction but are not compounded.
 *
 * @param factorBefore product of (1 + abnormal return) over the compounded, strictly earlier events
 * @param factorAfter the same product including this event if it is compounded
 * @param varianceAfter sum of the abnormal returns' variances over the same events
 * @param compounded how many events are compounded up to and including this one
 */
record LedgerEntry(
    MarketCapReaction impact,
    double factorBefore,
    double factorAfter,
    double varianceAfter,
    int compounded) {

  static final BinarySerde<LedgerEntry> SERDE = new Codec();

  /** An impact stored before its running figures are known; they are filled in on repricing. */
  static LedgerEntry unpriced(MarketCapReaction impact) {
    return new LedgerEntry(impact, Double.NaN, Double.NaN, Double.NaN, -1);
  }

  private static final class Codec extends BinarySerde<LedgerEntry> {
    Codec() {
      super(1);
    }

    @Override
    protected void write(DataOutputStream out, LedgerEntry e) throws IOException {
      out.writeDouble(e.factorBefore);
      out.writeDouble(e.factorAfter);
      out.writeDouble(e.varianceAfter);
      out.writeInt(e.compounded);
      AvroBytes.write(out, MarketCapReaction.getClassSchema(), e.impact);
    }

    @Override
    protected LedgerEntry read(DataInputStream in, int formatVersion) throws IOException {
      double before = in.readDouble();
      double after = in.readDouble();
      double variance = in.readDouble();
      int compounded = in.readInt();
      MarketCapReaction impact = AvroBytes.read(in, MarketCapReaction.getClassSchema());
      return new LedgerEntry(impact, before, after, variance, compounded);
    }
  }
}
