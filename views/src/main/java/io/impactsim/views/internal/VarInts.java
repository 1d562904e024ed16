package io.impactsim.views.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Zig-zag variable-length longs (the encoding of Avro and protobuf): small magnitudes, the common
 * case of every running sum and count in the views' state, take one or two bytes instead of eight.
 */
public final class VarInts {
  private VarInts() {}

  public static void write(DataOutput out, long value) throws IOException {
    long v = (value << 1) ^ (value >> 63);
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  public static long read(DataInput in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (v >>> 1) ^ -(v & 1);
      }
    }
    throw new IOException("malformed variable-length long");
  }
}
