package io.impactsim.streams.share;

import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What the market-share view has counted for one contract: which report is the latest, when the
 * contract was first reported (its quarter), and the figures applied to the running and quarterly
 * views, so that a superseding report can take exactly those back.
 *
 * @param latestAt event time of the report in force
 * @param latestEventId event id of the report in force (breaks ties of event time)
 * @param firstAt event time of the contract's earliest report
 * @param running figures applied to the running view
 * @param quarter figures applied to the quarterly view; null when the contract's quarter had closed
 *     before any of its reports arrived
 */
public record ContractState(
    long latestAt, String latestEventId, long firstAt, ShareFigures running, ShareFigures quarter) {

  /** Serde of the contract store. */
  public static final BinarySerde<ContractState> SERDE = new Codec();

  /** Whether a report with this event time and id supersedes the one in force. */
  public boolean supersededBy(long at, String eventId) {
    return at > latestAt || (at == latestAt && eventId.compareTo(latestEventId) > 0);
  }

  private static final class Codec extends BinarySerde<ContractState> {
    Codec() {
      super(1);
    }

    @Override
    protected void write(DataOutputStream out, ContractState s) throws IOException {
      out.writeLong(s.latestAt);
      out.writeUTF(s.latestEventId);
      out.writeLong(s.firstAt);
      ShareFigures.writeTo(out, s.running);
      out.writeBoolean(s.quarter != null);
      if (s.quarter != null) {
        ShareFigures.writeTo(out, s.quarter);
      }
    }

    @Override
    protected ContractState read(DataInputStream in, int formatVersion) throws IOException {
      long latestAt = in.readLong();
      String latestEventId = in.readUTF();
      long firstAt = in.readLong();
      ShareFigures running = ShareFigures.readFrom(in);
      ShareFigures quarter = in.readBoolean() ? ShareFigures.readFrom(in) : null;
      return new ContractState(latestAt, latestEventId, firstAt, running, quarter);
    }
  }
}
