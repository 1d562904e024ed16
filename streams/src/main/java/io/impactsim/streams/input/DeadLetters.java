package io.impactsim.streams.input;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a dead-letter record carries: why it was rejected and where it came from. The
 * record's key and value are the original bytes, so it can be inspected, fixed and re-published.
 */
public final class DeadLetters {
  /** Human-readable reason the record was rejected. */
  public static final String REASON = "impactsim.dlq.reason";

  /** Topic the record was read from. */
  public static final String TOPIC = "impactsim.dlq.topic";

  /** Partition the record was read from. */
  public static final String PARTITION = "impactsim.dlq.partition";

  /** Offset the record was read from. */
  public static final String OFFSET = "impactsim.dlq.offset";

  /** Class of the exception that rejected the record; absent for a failed validation. */
  public static final String EXCEPTION = "impactsim.dlq.exception";

  private DeadLetters() {}

  /**
   * The original headers plus the reason and origin of the rejection.
   *
   * @param exception the exception's class name, or null for a failed validation
   */
  public static Headers headers(
      Headers original, String reason, String topic, int partition, long offset, String exception) {
    RecordHeaders headers =
        original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
    put(headers, REASON, reason);
    put(headers, TOPIC, topic);
    put(headers, PARTITION, Integer.toString(partition));
    put(headers, OFFSET, Long.toString(offset));
    if (exception != null) {
      put(headers, EXCEPTION, exception);
    }
    return headers;
  }

  /** The value of a header as text, or null when absent. */
  public static String text(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }
}
