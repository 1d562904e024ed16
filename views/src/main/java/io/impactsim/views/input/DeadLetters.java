package io.impactsim.views.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The headers a dead-letter record carries: why it was rejected and where it came from. The
 * record's key and value are the original bytes, so it can be inspected, fixed and re-published.
 *
 * <p>A dead letter is bounded in size ({@link #MAX_BYTES_CONFIG}): a copy the broker would refuse
 * would fail the transaction and stop the application on the very record it was meant to set aside.
 * When the copy would be too large, the value is left out, then the original headers, then the key,
 * and each part left out is described by its SHA-256 digest and its size in bytes, so the record
 * can still be found and matched. The reason is cut at {@link #MAX_REASON_LENGTH} characters.
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

  /** Hex SHA-256 of the value, when the value was left out. */
  public static final String VALUE_SHA256 = "impactsim.dlq.value.sha256";

  /** Size in bytes of the value, when the value was left out. */
  public static final String VALUE_SIZE = "impactsim.dlq.value.size";

  /**
   * Hex SHA-256 of the original headers, when they were left out: of each header's name and value
   * in order, each preceded by its length as four bytes (-1 for a null value).
   */
  public static final String HEADERS_SHA256 = "impactsim.dlq.headers.sha256";

  /** Size in bytes of the original headers in the form their digest covers, when left out. */
  public static final String HEADERS_SIZE = "impactsim.dlq.headers.size";

  /** Hex SHA-256 of the key, when the key was left out. */
  public static final String KEY_SHA256 = "impactsim.dlq.key.sha256";

  /** Size in bytes of the key, when the key was left out. */
  public static final String KEY_SIZE = "impactsim.dlq.key.size";

  /** The setting that bounds a dead-letter record's size in bytes (key, value and headers). */
  public static final String MAX_BYTES_CONFIG = "impactsim.dead.letter.max.bytes";

  /** The bound when none is set (or the producer's {@code max.request.size} if that is lower). */
  public static final int DEFAULT_MAX_BYTES = 1_000_000;

  /** The smallest bound accepted: room for the reason and origin headers and the digests. */
  public static final int MIN_MAX_BYTES = 16 * 1024;

  /** Longest reason kept, in characters. */
  public static final int MAX_REASON_LENGTH = 2_000;

  /**
   * Bytes counted for a record besides its key, value and header bytes: the batch header (61 bytes)
   * and the record's own length, attributes, time and offset deltas (at most 25 bytes).
   */
  static final int RECORD_OVERHEAD = 100;

  /** Bytes counted per header for its two lengths. */
  static final int HEADER_OVERHEAD = 10;

  private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

  private DeadLetters() {}

  /**
   * A dead-letter record's key, value and headers.
   *
   * @param key the original key, or null when left out
   * @param value the original value, or null when left out (or a tombstone)
   */
  public record Letter(byte[] key, byte[] value, Headers headers) {}

  /**
   * The original headers plus the reason and origin of the rejection.
   *
   * @param exception the exception's class name, or null for a failed validation
   */
  public static Headers headers(
      Headers original, String reason, String topic, int partition, long offset, String exception) {
    RecordHeaders headers =
        original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
    put(headers, REASON, cut(reason));
    put(headers, TOPIC, topic);
    put(headers, PARTITION, Integer.toString(partition));
    put(headers, OFFSET, Long.toString(offset));
    if (exception != null) {
      put(headers, EXCEPTION, exception);
    }
    return headers;
  }

  /**
   * The dead letter of a record, within {@code maxBytes}: the original key, value and headers with
   * the reason and origin added, leaving out the value, then the original headers, then the key
   * while the record is larger.
   *
   * @param exception the exception's class name, or null for a failed validation
   */
  public static Letter letter(
      byte[] key,
      byte[] value,
      Headers original,
      String reason,
      String topic,
      int partition,
      long offset,
      String exception,
      int maxBytes) {
    Headers full = headers(original, reason, topic, partition, offset, exception);
    if (size(key, value, full) <= maxBytes) {
      return new Letter(key, value, full);
    }
    Headers dropped = new RecordHeaders();
    if (value != null) {
      put(dropped, VALUE_SHA256, sha256(value));
      put(dropped, VALUE_SIZE, Integer.toString(value.length));
    }
    Headers withoutValue = concat(full, dropped);
    if (size(key, null, withoutValue) <= maxBytes) {
      return new Letter(key, null, withoutValue);
    }
    if (original != null && original.toArray().length > 0) {
      byte[] headerBytes = serialized(original);
      put(dropped, HEADERS_SHA256, sha256(headerBytes));
      put(dropped, HEADERS_SIZE, Integer.toString(headerBytes.length));
    }
    Headers own = concat(headers(null, reason, topic, partition, offset, exception), dropped);
    if (size(key, null, own) <= maxBytes || key == null) {
      return new Letter(key, null, own);
    }
    put(dropped, KEY_SHA256, sha256(key));
    put(dropped, KEY_SIZE, Integer.toString(key.length));
    return new Letter(
        null, null, concat(headers(null, reason, topic, partition, offset, exception), dropped));
  }

  /** A conservative estimate of the bytes a record takes in a batch on the broker. */
  public static long size(byte[] key, byte[] value, Headers headers) {
    long size = RECORD_OVERHEAD + length(key) + length(value);
    for (Header h : headers) {
      size += HEADER_OVERHEAD + h.key().getBytes(StandardCharsets.UTF_8).length + length(h.value());
    }
    return size;
  }

  /**
   * The dead-letter bound of an application's settings: {@link #MAX_BYTES_CONFIG}, by default
   * {@link #DEFAULT_MAX_BYTES} or the producer's {@code max.request.size} if that is lower.
   *
   * @throws ConfigException if it is not a number, below {@link #MIN_MAX_BYTES} or above the
   *     producer's {@code max.request.size}
   */
  public static int maxBytes(Map<?, ?> configs) {
    int request =
        intSetting(configs, StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    if (request < 0) {
      request = intSetting(configs, ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    }
    if (request < 0) {
      request = DEFAULT_MAX_REQUEST_SIZE;
    }
    int max = intSetting(configs, MAX_BYTES_CONFIG);
    if (max < 0) {
      return Math.max(MIN_MAX_BYTES, Math.min(DEFAULT_MAX_BYTES, request));
    }
    if (max < MIN_MAX_BYTES || max > request) {
      throw new ConfigException(
          MAX_BYTES_CONFIG,
          max,
          "must be at least "
              + MIN_MAX_BYTES
              + " and at most the producer's max.request.size ("
              + request
              + ")");
    }
    return max;
  }

  /** The value of a header as text, or null when absent. */
  public static String text(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The reason as kept: at most {@link #MAX_REASON_LENGTH} characters, never half a pair. */
  static String cut(String reason) {
    if (reason == null || reason.length() <= MAX_REASON_LENGTH) {
      return reason;
    }
    int end = MAX_REASON_LENGTH - 1;
    if (Character.isHighSurrogate(reason.charAt(end - 1))) {
      end--;
    }
    return reason.substring(0, end) + "…";
  }

  private static int intSetting(Map<?, ?> configs, String name) {
    Object value = configs.get(name);
    if (value == null) {
      return -1;
    }
    try {
      return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name, value, "not a whole number of bytes");
    }
  }

  private static Headers concat(Headers a, Headers b) {
    RecordHeaders out = new RecordHeaders(a.toArray());
    b.forEach(out::add);
    return out;
  }

  private static byte[] serialized(Headers headers) {
    var out = new java.io.ByteArrayOutputStream();
    for (Header h : headers) {
      byte[] name = h.key().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(name.length).array());
      out.writeBytes(name);
      byte[] value = h.value();
      out.writeBytes(
          java.nio.ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
      if (value != null) {
        out.writeBytes(value);
      }
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }
}
