package io.impactsim.producer.publish;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.serde.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Encodes every event as the publisher will send it and measures the record against its topic's
 * limit before anything is sent, so that a record the producer or the broker would refuse stops the
 * run while nothing is published yet.
 */
public final class RecordSizes {
  /** Kafka's record batch header (format v2), around every batch of one or more records. */
  static final int BATCH_OVERHEAD = 61;

  /** The most a record header takes besides the key and value lengths (format v2). */
  static final int RECORD_OVERHEAD = 21;

  /**
   * An event the cluster would refuse.
   *
   * @param position 0-based position of the event in the input
   * @param message what is wrong, with the sizes
   */
  public record Refusal(long position, String message) {}

  private final Map<EventType, SpecificDatumWriter<Object>> writers =
      new EnumMap<>(EventType.class);
  private final Counting counting = new Counting();
  private BinaryEncoder encoder;

  RecordSizes() {
    for (EventType t : EventType.values()) {
      writers.put(t, new SpecificDatumWriter<>(t.schema()));
    }
  }

  /** The events whose records are over their topic's limit, or cannot be encoded at all. */
  public static List<Refusal> refusals(
      Iterable<InputEvent> events, TopicCatalog topics, RecordSizeLimits limits) {
    RecordSizes sizes = new RecordSizes();
    List<Refusal> refused = new ArrayList<>();
    long position = 0;
    for (InputEvent event : events) {
      String problem = sizes.problem(event, topics, limits);
      if (problem != null) {
        refused.add(new Refusal(position, problem));
      }
      position++;
    }
    return refused;
  }

  private String problem(InputEvent event, TopicCatalog topics, RecordSizeLimits limits) {
    String topic = event.topicIn(topics).name();
    int key = event.key().getBytes(StandardCharsets.UTF_8).length;
    long value;
    try {
      value = valueBytes(event);
    } catch (IOException | RuntimeException e) {
      return "cannot be encoded: " + e.getMessage();
    }
    long record = recordSize(key, value);
    RecordSizeLimits.Limit limit = limits.limitFor(topic);
    if (record <= limit.bytes()) {
      return null;
    }
    return String.format(
        "record of %,d bytes (key %,d, value %,d) is over the limit of %,d bytes (%s)",
        record, key, value, limit.bytes(), limit.setting());
  }

  /** The size of the event's value as the publisher's serializer writes it. */
  long valueBytes(InputEvent event) throws IOException {
    return WireFormat.HEADER_SIZE + avroSize(event);
  }

  private long avroSize(InputEvent event) throws IOException {
    counting.count = 0;
    encoder = EncoderFactory.get().binaryEncoder(counting, encoder);
    writers.get(event.type()).write(event.value(), encoder);
    encoder.flush();
    return counting.count;
  }

  /**
   * The size the producer measures a record by (against {@code max.request.size}) and the most its
   * batch can take on the broker (against {@code max.message.bytes}) when it travels alone and
   * uncompressed: batch header, record header, key and value with their lengths, no headers.
   */
  static long recordSize(long keyBytes, long valueBytes) {
    return BATCH_OVERHEAD
        + RECORD_OVERHEAD
        + varintSize(keyBytes)
        + keyBytes
        + varintSize(valueBytes)
        + valueBytes
        + 1;
  }

  private static int varintSize(long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    int bytes = 1;
    while ((zigzag & ~0x7FL) != 0) {
      bytes++;
      zigzag >>>= 7;
    }
    return bytes;
  }

  /** Counts bytes instead of keeping them. */
  private static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
