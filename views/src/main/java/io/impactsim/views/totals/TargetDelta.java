package io.impactsim.views.totals;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.capex.CompanyCapex;
import io.impactsim.views.internal.BinarySerde;
import io.impactsim.views.internal.EmbeddedRecords;
import io.impactsim.views.marketcap.CompanyValue;
import io.impactsim.views.share.SegmentTotals;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The changes the events made to one target since they were last sent, or (in the totals' stores)
 * everything they ever made: a company's value and capex, or a segment's market share. Changes add
 * up in any order.
 */
public final class TargetDelta {
  CompanyValue value;
  CompanyCapex capex;
  SegmentTotals share;

  public static TargetDelta ofValue(CompanyValue v) {
    TargetDelta d = new TargetDelta();
    d.value = v;
    return d;
  }

  public static TargetDelta ofCapex(CompanyCapex c) {
    TargetDelta d = new TargetDelta();
    d.capex = c;
    return d;
  }

  public static TargetDelta ofShare(SegmentTotals s) {
    TargetDelta d = new TargetDelta();
    d.share = s;
    return d;
  }

  public CompanyValue value() {
    return value;
  }

  public CompanyCapex capex() {
    return capex;
  }

  public SegmentTotals share() {
    return share;
  }

  /** Adds another change into this one; {@code o} is left as it was and shares nothing with it. */
  public TargetDelta add(TargetDelta o) {
    if (o.value != null) {
      value = (value == null ? new CompanyValue() : value).add(o.value);
    }
    if (o.capex != null) {
      capex = (capex == null ? CompanyCapex.empty() : capex).add(o.capex);
    }
    if (o.share != null) {
      share = (share == null ? new SegmentTotals() : share).add(o.share);
    }
    return this;
  }

  /** Serde of the changes in transit and of the totals, embedding reports as their topics do. */
  public static BinarySerde<TargetDelta> serde(TopicCatalog topics) {
    EmbeddedRecords<DealAnnounced> deals = new EmbeddedRecords<>(topics.deals());
    EmbeddedRecords<EarningsReported> earnings = new EmbeddedRecords<>(topics.earnings());
    return new BinarySerde<>(1) {
      @Override
      protected void write(DataOutputStream out, TargetDelta d) throws IOException {
        out.writeBoolean(d.value != null);
        if (d.value != null) {
          d.value.writeTo(out);
        }
        out.writeBoolean(d.capex != null);
        if (d.capex != null) {
          d.capex.writeTo(out, deals, earnings);
        }
        out.writeBoolean(d.share != null);
        if (d.share != null) {
          d.share.writeTo(out);
        }
      }

      @Override
      protected TargetDelta read(DataInputStream in, int formatVersion) throws IOException {
        TargetDelta d = new TargetDelta();
        d.value = in.readBoolean() ? CompanyValue.readFrom(in) : null;
        d.capex = in.readBoolean() ? CompanyCapex.readFrom(in, deals, earnings) : null;
        d.share = in.readBoolean() ? SegmentTotals.readFrom(in) : null;
        return d;
      }
    };
  }
}
