package io.impactsim.topics.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the
 * Avro binary encoding of the record.
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Reads the schema id of a framed record, rejecting anything that is not in the format. */
  public static int schemaId(String topic, byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException(
          "record on topic '"
              + topic
              + "' is "
              + data.length
              + " bytes, shorter than the 5-byte Confluent wire-format header");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "record on topic '"
              + topic
              + "' has magic byte "
              + data[0]
              + ", expected 0 (Confluent wire format)");
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }

  /** Writes the 5-byte header into the start of a buffer. */
  public static void writeHeader(ByteBuffer buffer, int schemaId) {
    buffer.put(MAGIC_BYTE).putInt(schemaId);
  }
}
