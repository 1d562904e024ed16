package io.impactsim.streams.marketcap;

import io.impactsim.schemas.serde.GeneratedRecords;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Plain Avro binary of a generated record inside internal state, length-prefixed; the enclosing
 * state format version pins the schema, so no registry is involved. Readers and writers are built
 * once per schema and thread (a reader resolves its schema when built), and the encoding buffer is
 * reused.
 */
final class AvroBytes {
  static {
    GeneratedRecords.trust();
  }

  private static final ThreadLocal<Codecs> CODECS = ThreadLocal.withInitial(Codecs::new);

  private AvroBytes() {}

  static <T> void write(DataOutputStream out, Schema schema, T record) throws IOException {
    Codecs codecs = CODECS.get();
    codecs.bytes.reset();
    codecs.encoder = EncoderFactory.get().binaryEncoder(codecs.bytes, codecs.encoder);
    codecs.<T>writer(schema).write(record, codecs.encoder);
    codecs.encoder.flush();
    out.writeInt(codecs.bytes.size());
    codecs.bytes.writeTo(out);
  }

  static <T> T read(DataInputStream in, Schema schema) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    Codecs codecs = CODECS.get();
    codecs.decoder = DecoderFactory.get().binaryDecoder(bytes, codecs.decoder);
    return codecs.<T>reader(schema).read(null, codecs.decoder);
  }

  /** One thread's readers, writers and buffers. */
  private static final class Codecs {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    final Map<Schema, DatumWriter<?>> writers = new HashMap<>();
    final Map<Schema, DatumReader<?>> readers = new HashMap<>();
    BinaryEncoder encoder;
    BinaryDecoder decoder;

    @SuppressWarnings("unchecked")
    <T> DatumWriter<T> writer(Schema schema) {
      return (DatumWriter<T>) writers.computeIfAbsent(schema, SpecificDatumWriter::new);
    }

    @SuppressWarnings("unchecked")
    <T> DatumReader<T> reader(Schema schema) {
      return (DatumReader<T>) readers.computeIfAbsent(schema, SpecificDatumReader::new);
    }
  }
}
