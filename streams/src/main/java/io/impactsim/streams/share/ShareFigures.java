package io.impactsim.streams.share;

import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Committed value and deal counts of one provider in one segment and period: the contribution of
 * one contract, a change of it, or a provider's running total. Deals that do not count are kept
 * under the empty provider, so that the segment can report how many were excluded.
 *
 * @param asOf event time (epoch millis) of the latest event reflected
 */
public record ShareFigures(
    String segment,
    String period,
    String provider,
    String providerName,
    long committedUsd,
    long annualizedUsd,
    int dealCount,
    int excludedCount,
    long asOf) {

  /** Provider under which excluded deals are counted. */
  public static final String EXCLUDED = "";

  /** The identity of {@link #plus}. */
  public static final ShareFigures NONE = new ShareFigures("", "", "", "", 0, 0, 0, 0, 0);

  /** Serde of figures in stores and repartition topics. */
  public static final BinarySerde<ShareFigures> SERDE = new Codec();

  /** Key of the provider's bucket: {@code <segment>|<period>|<provider>}. */
  public String bucket() {
    return segmentPeriod() + "|" + provider;
  }

  /** Key of the segment's snapshot: {@code <segment>|<period>}. */
  public String segmentPeriod() {
    return segment + "|" + period;
  }

  /** The same figures counted in another period. */
  public ShareFigures inPeriod(String otherPeriod) {
    return new ShareFigures(
        segment,
        otherPeriod,
        provider,
        providerName,
        committedUsd,
        annualizedUsd,
        dealCount,
        excludedCount,
        asOf);
  }

  /** Sum of two figures of one bucket; the later name and event time win. */
  public ShareFigures plus(ShareFigures d) {
    if (this.equals(NONE)) {
      return d;
    }
    return new ShareFigures(
        segment,
        period,
        provider,
        d.providerName.isEmpty() ? providerName : d.providerName,
        committedUsd + d.committedUsd,
        annualizedUsd + d.annualizedUsd,
        dealCount + d.dealCount,
        excludedCount + d.excludedCount,
        Math.max(asOf, d.asOf));
  }

  /** The change that takes these figures away, stamped with the event time of the change. */
  public ShareFigures negated(long at) {
    return new ShareFigures(
        segment,
        period,
        provider,
        "",
        -committedUsd,
        -annualizedUsd,
        -dealCount,
        -excludedCount,
        at);
  }

  /** Whether the amounts and counts (not the event time) are the same as another's. */
  public boolean sameAs(ShareFigures o) {
    return bucket().equals(o.bucket())
        && providerName.equals(o.providerName)
        && committedUsd == o.committedUsd
        && annualizedUsd == o.annualizedUsd
        && dealCount == o.dealCount
        && excludedCount == o.excludedCount;
  }

  /** Whether nothing is left in this bucket. */
  public boolean isEmpty() {
    return committedUsd == 0 && annualizedUsd == 0 && dealCount == 0 && excludedCount == 0;
  }

  private static final class Codec extends BinarySerde<ShareFigures> {
    Codec() {
      super(1);
    }

    @Override
    protected void write(DataOutputStream out, ShareFigures f) throws IOException {
      writeTo(out, f);
    }

    @Override
    protected ShareFigures read(DataInputStream in, int formatVersion) throws IOException {
      return readFrom(in);
    }
  }

  static void writeTo(DataOutputStream out, ShareFigures f) throws IOException {
    out.writeUTF(f.segment);
    out.writeUTF(f.period);
    out.writeUTF(f.provider);
    out.writeUTF(f.providerName);
    out.writeLong(f.committedUsd);
    out.writeLong(f.annualizedUsd);
    out.writeInt(f.dealCount);
    out.writeInt(f.excludedCount);
    out.writeLong(f.asOf);
  }

  static ShareFigures readFrom(DataInputStream in) throws IOException {
    return new ShareFigures(
        in.readUTF(),
        in.readUTF(),
        in.readUTF(),
        in.readUTF(),
        in.readLong(),
        in.readLong(),
        in.readInt(),
        in.readInt(),
        in.readLong());
  }
}
