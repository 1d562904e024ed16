package io.impactsim.views.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;

/**
 * A sum of longs that cannot wrap: 128 bits, so that no number of additions a view will ever see
 * overflows, and addition stays associative and commutative (the same bytes in any order). Only the
 * published figure is bounded, saturating at the range of a long.
 */
public final class ExactSum {
  /** The empty sum. */
  public static final ExactSum ZERO = new ExactSum(0, 0);

  private final long high;
  private final long low;

  private ExactSum(long high, long low) {
    this.high = high;
    this.low = low;
  }

  public static ExactSum of(long value) {
    return value == 0 ? ZERO : new ExactSum(value < 0 ? -1 : 0, value);
  }

  public ExactSum plus(long value) {
    return plus(of(value));
  }

  public ExactSum plus(ExactSum other) {
    long sumLow = low + other.low;
    long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
    return new ExactSum(high + other.high + carry, sumLow);
  }

  public ExactSum negate() {
    long negLow = -low;
    return new ExactSum(~high + (low == 0 ? 1 : 0), negLow);
  }

  public ExactSum minus(ExactSum other) {
    return plus(other.negate());
  }

  public boolean isZero() {
    return high == 0 && low == 0;
  }

  public int signum() {
    if (high < 0) {
      return -1;
    }
    return high == 0 && low == 0 ? 0 : 1;
  }

  /** The sum as a long, saturating at {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE}. */
  public long toLongSaturated() {
    if (high == 0 && low >= 0 || high == -1 && low < 0) {
      return low;
    }
    return high < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** The exact value, for display and tests. */
  public BigInteger toBigInteger() {
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  public double toDouble() {
    return toBigInteger().doubleValue();
  }

  /**
   * Writes the sum as one variable-length long when it fits in a long (almost always), else as a
   * marker byte and both halves.
   */
  public void writeTo(DataOutputStream out) throws IOException {
    boolean fits = high == 0 && low >= 0 || high == -1 && low < 0;
    if (fits && low != Long.MIN_VALUE) {
      VarInts.write(out, low);
    } else {
      // Long.MIN_VALUE's zig-zag form is all ones; it marks the wide form instead.
      VarInts.write(out, Long.MIN_VALUE);
      out.writeLong(high);
      out.writeLong(low);
    }
  }

  public static ExactSum readFrom(DataInputStream in) throws IOException {
    long first = VarInts.read(in);
    if (first != Long.MIN_VALUE) {
      return of(first);
    }
    long high = in.readLong();
    long low = in.readLong();
    return new ExactSum(high, low);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactSum s && s.high == high && s.low == low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
