package io.impactsim.topics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.fixtures.EventSamples;
import io.impactsim.schemas.fixtures.SchemaVariants;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.registry.IncompatibleSchemaException;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * How the serde meets other versions of a schema: records written by older and newer producers are
 * read through schema resolution, and the registry's rules decide what may be written.
 */
class RegistryAvroSerdeEvolutionTest {
  private static final Schema CURRENT = DealAnnounced.getClassSchema();

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final Topic<String, DealAnnounced> deals =
      TopicCatalog.create("evolution-test", registry, true).deals();
  private final String subject = deals.name() + "-value";

  @Test
  void readsRecordWrittenBeforeNotesExisted() throws IOException {
    Schema older = SchemaVariants.withoutField(CURRENT, "notes");
    DealAnnounced deal = EventSamples.fullDeal();
    byte[] data = frame(registry.register(subject, older), encode(older, copyOf(deal, older)));

    DealAnnounced read = decode(data);

    deal.setNotes(null);
    assertThat(read).isEqualTo(deal);
  }

  @Test
  void readsRecordWrittenWithAFieldAddedLater() throws IOException {
    Schema newer = SchemaVariants.withOptionalField(CURRENT, "exclusive", Schema.Type.BOOLEAN);
    DealAnnounced deal = EventSamples.fullDeal();
    GenericRecord written = copyOf(deal, newer);
    written.put("exclusive", true);
    byte[] data = frame(registry.register(subject, newer), encode(newer, written));

    assertThat(decode(data)).isEqualTo(deal);
  }

  @Test
  void qualifierUnknownToTheReaderReadsAsUndisclosed() throws IOException {
    // A later release may add a qualifier; this reader must fall back to the enum's default.
    Schema newer =
        new Schema.Parser()
            .parse(CURRENT.toString().replace("\"IN_TALKS\"]", "\"IN_TALKS\",\"FIRM_ORDER\"]"));
    GenericRecord written = copyOf(EventSamples.fullDeal(), newer);
    Schema qualifier = newer.getField("valueQualifier").schema();
    written.put("valueQualifier", new GenericData.EnumSymbol(qualifier, "FIRM_ORDER"));
    byte[] data = frame(registry.register(subject, newer), encode(newer, written));

    assertThat(decode(data).getValueQualifier()).isEqualTo(ValueQualifier.UNDISCLOSED);
  }

  @Test
  void writingWithoutAutoRegistrationNeedsTheSchemaRegisteredFirst() {
    Topic<String, DealAnnounced> governed =
        TopicCatalog.create("evolution-test", registry, false).deals();

    assertThatThrownBy(() -> write(governed))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "schema of DealAnnounced is not registered under subject '"
                + subject
                + "' and auto-registration is off");
    assertThat(registry.subjects()).isEmpty();

    int id = registry.register(subject, CURRENT);
    assertThat(ByteBuffer.wrap(write(governed), 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void schemaTheSubjectRuleRejectsIsNotRegisteredAndNotWritten() {
    registry.setCompatibility(subject, CompatibilityLevel.BACKWARD_TRANSITIVE);
    Schema termAsText =
        SchemaVariants.withFieldType(
            CURRENT,
            "termMonths",
            Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)));
    registry.register(subject, termAsText);
    // Compatible with the version before it, which lets the current schema pass a check of the
    // latest version only: only the transitive rule sees the first version's text terms.
    registry.register(subject, SchemaVariants.withoutField(CURRENT, "termMonths"));

    assertThatThrownBy(() -> write(deals))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot register the schema of DealAnnounced")
        .cause()
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e -> {
              assertThat(e.subject()).isEqualTo(subject);
              assertThat(e.getMessage())
                  .contains(subject)
                  .contains("/fields/" + CURRENT.getField("termMonths").pos() + "/");
              assertThat(e.status()).isEqualTo(409);
            });
    assertThat(registry.versions(subject)).containsExactly(1, 2);
    assertThat(registry.lookup(subject, CURRENT)).isEmpty();
  }

  private byte[] write(Topic<String, DealAnnounced> topic) {
    return topic.valueSerde().serializer().serialize(topic.name(), EventSamples.fullDeal());
  }

  private DealAnnounced decode(byte[] data) {
    return deals.valueSerde().deserializer().deserialize(deals.name(), data);
  }

  /** The fields of a record that a writer schema has, as a record of that schema. */
  private static GenericRecord copyOf(DealAnnounced deal, Schema writer) {
    GenericRecord out = new GenericData.Record(writer);
    for (Schema.Field f : writer.getFields()) {
      if (CURRENT.getField(f.name()) != null) {
        out.put(f.name(), deal.get(f.name()));
      }
    }
    return out;
  }

  /** Encodes as a producer with another version of the schema would. */
  private static byte[] encode(Schema writer, GenericRecord record) throws IOException {
    // The generated model carries the conversions of the logical types (Instant, LocalDate).
    SpecificData model = SpecificData.getForClass(DealAnnounced.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(writer, model).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static byte[] frame(int schemaId, byte[] body) {
    ByteBuffer buffer = ByteBuffer.allocate(WireFormat.HEADER_SIZE + body.length);
    WireFormat.writeHeader(buffer, schemaId);
    return buffer.put(body).array();
  }
}
