package io.impactsim.views.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSumTest {

  @Test
  void twoAmountsNearTheLargestLongDoNotWrapToANegativeTotal() {
    ExactSum sum = ExactSum.of(Long.MAX_VALUE - 1).plus(Long.MAX_VALUE - 1);

    assertThat(sum.toBigInteger())
        .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE - 1).multiply(BigInteger.TWO));
    assertThat(sum.signum()).isPositive();
    assertThat(sum.toLongSaturated()).isEqualTo(Long.MAX_VALUE);
    assertThat(sum.minus(ExactSum.of(Long.MAX_VALUE - 1)).toLongSaturated())
        .isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void anyOrderOfTheSameAdditionsGivesTheSameSumAsBigInteger() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      long v = random.nextLong();
      values.add(random.nextBoolean() ? v : v / 1_000_000);
    }
    BigInteger expected =
        values.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
    for (int trial = 0; trial < 20; trial++) {
      Collections.shuffle(values, new java.util.Random(trial));
      ExactSum sum = ExactSum.ZERO;
      for (long v : values) {
        sum = random.nextBoolean() ? sum.plus(v) : sum.minus(ExactSum.of(v).negate());
      }
      assertThat(sum.toBigInteger()).isEqualTo(expected);
      assertThat(roundTrip(sum)).isEqualTo(sum);
    }
  }

  @Test
  void negativeSumsSaturateAtTheSmallestLong() {
    ExactSum sum = ExactSum.of(Long.MIN_VALUE).plus(-1);

    assertThat(sum.signum()).isNegative();
    assertThat(sum.toLongSaturated()).isEqualTo(Long.MIN_VALUE);
    assertThat(ExactSum.of(-5).toLongSaturated()).isEqualTo(-5);
  }

  private static ExactSum roundTrip(ExactSum sum) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      sum.writeTo(out);
    }
    return ExactSum.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }
}
