package io.impactsim.views.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  private static final int MAX = 100_000;

  @Test
  void aLetterWithinTheBoundKeepsKeyValueAndHeaders() {
    DeadLetters.Letter letter = letter(bytes(10), bytes(1_000), headers(2, 10));

    assertThat(letter.key()).hasSize(10);
    assertThat(letter.value()).hasSize(1_000);
    assertThat(letter.headers().lastHeader("h1")).isNotNull();
    assertThat(letter.headers().lastHeader(DeadLetters.VALUE_SHA256)).isNull();
  }

  @Test
  void aLargeValueIsLeftOutFirstAndDescribedByDigestAndSize() {
    DeadLetters.Letter letter = letter(bytes(10), bytes(MAX), headers(2, 10));

    assertThat(letter.value()).isNull();
    assertThat(letter.key()).hasSize(10);
    assertThat(letter.headers().lastHeader("h1")).isNotNull();
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.VALUE_SIZE)).isEqualTo("100000");
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.VALUE_SHA256)).hasSize(64);
    assertThat(letter.headers().lastHeader(DeadLetters.HEADERS_SHA256)).isNull();
  }

  @Test
  void largeOriginalHeadersAreLeftOutNextThenTheKey() {
    DeadLetters.Letter headersOut = letter(bytes(10), bytes(10), headers(3, MAX / 2));
    assertThat(headersOut.headers().lastHeader("h1")).isNull();
    assertThat(headersOut.key()).hasSize(10);
    assertThat(DeadLetters.text(headersOut.headers(), DeadLetters.HEADERS_SHA256)).hasSize(64);
    assertThat(DeadLetters.text(headersOut.headers(), DeadLetters.REASON)).isEqualTo("bad");

    DeadLetters.Letter keyOut = letter(bytes(MAX), bytes(10), headers(1, 10));
    assertThat(keyOut.key()).isNull();
    assertThat(keyOut.value()).isNull();
    assertThat(DeadLetters.text(keyOut.headers(), DeadLetters.KEY_SIZE)).isEqualTo("100000");
    assertThat(DeadLetters.text(keyOut.headers(), DeadLetters.VALUE_SIZE)).isEqualTo("10");
  }

  @Test
  void everyLetterFitsTheBoundWhateverTheSizesOfItsParts() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 300; i++) {
      int max = random.nextInt(DeadLetters.MIN_MAX_BYTES, 3 * MAX);
      byte[] key = random.nextBoolean() ? null : bytes(random.nextInt(0, 2 * max));
      byte[] value = random.nextBoolean() ? null : bytes(random.nextInt(0, 2 * max));
      Headers headers = headers(random.nextInt(0, 5), random.nextInt(0, max));
      String reason = "r".repeat(random.nextInt(0, 10_000));

      DeadLetters.Letter letter =
          DeadLetters.letter(key, value, headers, reason, "topic", 0, 1L, "E", max);

      assertThat(DeadLetters.size(letter.key(), letter.value(), letter.headers()))
          .as("case %d", i)
          .isLessThanOrEqualTo(max);
      assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON).length())
          .isLessThanOrEqualTo(DeadLetters.MAX_REASON_LENGTH);
    }
  }

  @Test
  void reasonsAreCutWithoutSplittingASurrogatePair() {
    String reason = "a".repeat(DeadLetters.MAX_REASON_LENGTH - 2) + "\uD83D\uDE80" + "tail";

    String cut = DeadLetters.cut(reason);

    assertThat(cut).hasSizeLessThanOrEqualTo(DeadLetters.MAX_REASON_LENGTH).endsWith("a…");
  }

  @Test
  void theBoundDefaultsToAMillionBytesAndNeverExceedsTheProducersRequestSize() {
    assertThat(DeadLetters.maxBytes(Map.of())).isEqualTo(1_000_000);
    assertThat(DeadLetters.maxBytes(Map.of("producer.max.request.size", "500000")))
        .isEqualTo(500_000);
    assertThat(DeadLetters.maxBytes(Map.of(DeadLetters.MAX_BYTES_CONFIG, "200000")))
        .isEqualTo(200_000);
    assertThatThrownBy(
            () ->
                DeadLetters.maxBytes(
                    Map.of(DeadLetters.MAX_BYTES_CONFIG, "900000", "max.request.size", "800000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("max.request.size (800000)");
    assertThatThrownBy(() -> DeadLetters.maxBytes(Map.of(DeadLetters.MAX_BYTES_CONFIG, "100")))
        .isInstanceOf(ConfigException.class);
  }

  private static DeadLetters.Letter letter(byte[] key, byte[] value, Headers headers) {
    return DeadLetters.letter(key, value, headers, "bad", "topic", 0, 1L, null, MAX);
  }

  private static Headers headers(int count, int size) {
    RecordHeaders headers = new RecordHeaders();
    for (int i = 1; i <= count; i++) {
      headers.add("h" + i, bytes(size));
    }
    return headers;
  }

  private static byte[] bytes(int size) {
    byte[] b = new byte[size];
    java.util.Arrays.fill(b, (byte) 'b');
    return b;
  }
}
