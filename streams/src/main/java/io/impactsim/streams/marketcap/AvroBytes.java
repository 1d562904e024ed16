package io.impactsim.streams.marketcap;

import io.impactsim.schemas.serde.GeneratedRecords;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Plain Avro binary of a generated record inside internal state, length-prefixed; the enclosing
 * state format version pins the schema, so no registry is involved.
 */
final class AvroBytes {
  static {
    GeneratedRecords.trust();
  }

  private AvroBytes() {}

  static <T> void write(DataOutputStream out, Schema schema, T record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    new SpecificDatumWriter<T>(schema).write(record, encoder);
    encoder.flush();
    out.writeInt(bytes.size());
    bytes.writeTo(out);
  }

  static <T> T read(DataInputStream in, Schema schema) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new SpecificDatumReader<T>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
  }
}
