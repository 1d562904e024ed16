package io.impactsim.streams.share;

import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current totals of every provider of one segment and period, from which a snapshot is built.
 * It holds one entry per provider, however many deals there are.
 */
public record SegmentProviders(Map<String, ShareFigures> byProvider) {

  /** Serde of the segment store and its changelog. */
  public static final BinarySerde<SegmentProviders> SERDE = new Codec();

  public SegmentProviders {
    byProvider = Map.copyOf(byProvider);
  }

  public static SegmentProviders empty() {
    return new SegmentProviders(Map.of());
  }

  /** These providers with one provider's new total; an empty total removes the provider. */
  public SegmentProviders with(ShareFigures total) {
    Map<String, ShareFigures> next = new TreeMap<>(byProvider);
    if (total.isEmpty()) {
      next.remove(total.provider());
    } else {
      next.put(total.provider(), total);
    }
    return new SegmentProviders(next);
  }

  private static final class Codec extends BinarySerde<SegmentProviders> {
    Codec() {
      super(1);
    }

    @Override
    protected void write(DataOutputStream out, SegmentProviders s) throws IOException {
      out.writeInt(s.byProvider.size());
      for (ShareFigures f : s.byProvider.values()) {
        ShareFigures.writeTo(out, f);
      }
    }

    @Override
    protected SegmentProviders read(DataInputStream in, int formatVersion) throws IOException {
      int n = in.readInt();
      Map<String, ShareFigures> byProvider = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        ShareFigures f = ShareFigures.readFrom(in);
        byProvider.put(f.provider(), f);
      }
      return new SegmentProviders(byProvider);
    }
  }
}
