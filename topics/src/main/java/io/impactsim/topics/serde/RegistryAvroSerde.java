package io.impactsim.topics.serde;

import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.schemas.registry.SchemaRegistryException;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of one generated Avro record type in the Confluent wire format, with subjects named after
 * the topic ({@code <topic>-value} or {@code <topic>-key}). Any Confluent-compatible client can
 * read what it writes, and it reads records written with any registered schema its reader schema
 * can resolve.
 */
public final class RegistryAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

  private final Class<T> type;
  private final Schema readerSchema;
  private final SchemaRegistry registry;
  private final boolean isKey;
  private final boolean autoRegister;
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();
  private final SpecificDatumWriter<T> writer;

  /**
   * @param autoRegister register the record's schema on first write; when false the schema must
   *     already be registered under the subject (production deployments with governed schemas)
   */
  public RegistryAvroSerde(
      Class<T> type, SchemaRegistry registry, boolean isKey, boolean autoRegister) {
    GeneratedRecords.trust();
    this.type = type;
    this.readerSchema = SpecificData.get().getSchema(type);
    this.registry = registry;
    this.isKey = isKey;
    this.autoRegister = autoRegister;
    this.writer = new SpecificDatumWriter<>(readerSchema);
  }

  /** The subject the schema of a topic is registered under. */
  public String subject(String topic) {
    return topic + (isKey ? "-key" : "-value");
  }

  /** The schema this serde writes and reads into. */
  public Schema schema() {
    return readerSchema;
  }

  /**
   * Puts the topic's subject under a compatibility rule (unless it already has it) and registers
   * this type's schema there, ahead of the first write.
   *
   * @return the schema id
   * @throws io.impactsim.schemas.registry.IncompatibleSchemaException when the rule rejects it
   */
  public int prepareSubject(String topic, CompatibilityLevel level) {
    String subject = subject(topic);
    if (autoRegister && registry.compatibility(subject).orElse(null) != level) {
      registry.setCompatibility(subject, level);
    }
    return schemaIdFor(topic);
  }

  /** Registers (or looks up) this type's schema for a topic ahead of the first write. */
  public int schemaIdFor(String topic) {
    return idsByTopic.computeIfAbsent(topic, this::resolveId);
  }

  private int resolveId(String topic) {
    String subject = subject(topic);
    if (autoRegister) {
      return registry.register(subject, readerSchema);
    }
    return registry
        .lookup(subject, readerSchema)
        .orElseThrow(
            () ->
                new SerializationException(
                    "schema of "
                        + type.getSimpleName()
                        + " is not registered under subject '"
                        + subject
                        + "' and auto-registration is off"))
        .id();
  }

  @Override
  public Serializer<T> serializer() {
    return this::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this::deserialize;
  }

  /** Encodes a record for a topic; null stays null (a tombstone). */
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    int id;
    try {
      id = schemaIdFor(topic);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          (autoRegister ? "cannot register" : "cannot look up")
              + " the schema of "
              + type.getSimpleName()
              + " for topic '"
              + topic
              + "': "
              + e.getMessage(),
          e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
    WireFormat.writeHeader(header, id);
    out.writeBytes(header.array());
    // A buffered encoder, reused per thread: a direct one writes the stream byte by byte.
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
    ENCODERS.set(encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new SerializationException(
          "cannot encode " + type.getSimpleName() + " for topic '" + topic + "': " + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }

  /** Decodes a record read from a topic; null stays null. */
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(topic, data);
    SpecificDatumReader<T> reader;
    try {
      reader = readersById.computeIfAbsent(id, this::readerFor);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "record on topic '" + topic + "' has schema id " + id + ": " + e.getMessage(), e);
    }
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
    try {
      T record = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "record on topic '" + topic + "' has trailing bytes after its Avro body");
      }
      return record;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException se) {
        throw se;
      }
      throw new SerializationException(
          "cannot decode "
              + type.getSimpleName()
              + " on topic '"
              + topic
              + "' (schema id "
              + id
              + "): "
              + e,
          e);
    }
  }

  private SpecificDatumReader<T> readerFor(int id) {
    Schema writerSchema = registry.schemaById(id);
    return new SpecificDatumReader<>(writerSchema, readerSchema);
  }
}
