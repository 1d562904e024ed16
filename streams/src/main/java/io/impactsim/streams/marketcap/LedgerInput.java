package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What reaches the companies' ledgers through the repartition topic: a company's impact, or a
 * watermark from one of the tasks that turn events into impacts.
 */
sealed interface LedgerInput {
  /** Format 2 added watermarks; format 1 records, all impacts, are still read. */
  BinarySerde<LedgerInput> SERDE = new Codec();

  /** One company's impact: a reaction whose value fields are filled in by the ledger. */
  record Impact(MarketCapReaction reaction) implements LedgerInput {}

  /**
   * How far the task reading partition {@code source} of the event topics has got in event time: it
   * has processed every record it will send at or before {@code time}, except records that reach it
   * out of order. An idle task (its stream time did not advance over an interval) holds no ledger
   * back until it reports a time again.
   */
  record Watermark(int source, long time, boolean idle) implements LedgerInput {
    /** The time up to which this source lets the ledgers price: none while idle. */
    long bound() {
      return idle ? Long.MAX_VALUE : time;
    }
  }

  final class Codec extends BinarySerde<LedgerInput> {
    private static final int IMPACT = 0;
    private static final int WATERMARK = 1;

    Codec() {
      super(2);
    }

    @Override
    protected void write(DataOutputStream out, LedgerInput input) throws IOException {
      if (input instanceof Impact impact) {
        out.writeByte(IMPACT);
        AvroBytes.write(out, MarketCapReaction.getClassSchema(), impact.reaction());
      } else if (input instanceof Watermark w) {
        out.writeByte(WATERMARK);
        out.writeInt(w.source());
        out.writeLong(w.time());
        out.writeBoolean(w.idle());
      }
    }

    @Override
    protected LedgerInput read(DataInputStream in, int formatVersion) throws IOException {
      int kind = formatVersion == 1 ? IMPACT : in.readUnsignedByte();
      return switch (kind) {
        case IMPACT -> new Impact(AvroBytes.read(in, MarketCapReaction.getClassSchema()));
        case WATERMARK -> new Watermark(in.readInt(), in.readLong(), in.readBoolean());
        default -> throw new IOException("unknown ledger input kind " + kind);
      };
    }
  }
}
