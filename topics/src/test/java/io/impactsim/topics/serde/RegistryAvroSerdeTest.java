package io.impactsim.topics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.fixtures.EventSamples;
import io.impactsim.schemas.fixtures.SampleRecords;
import io.impactsim.schemas.fixtures.TopicSample;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.registry.RegisteredSchema;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The serde of every topic's records: what it writes is the Confluent wire format any compatible
 * client reads, it reads back what it wrote, and bytes it cannot read fail with a clear reason.
 */
class RegistryAvroSerdeTest {
  private static final String SAMPLES = "io.impactsim.schemas.fixtures.SampleRecords#all";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopicCatalog catalog = TopicCatalog.create("serde-test", registry, true);
  private final Topic<String, DealAnnounced> deals = catalog.deals();

  @ParameterizedTest(name = "{0}")
  @MethodSource(SAMPLES)
  void readsBackEveryFieldItWrote(TopicSample<?> sample) {
    assertRoundTrip(sample);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(SAMPLES)
  void writesMagicByteRegisteredIdAndPlainAvroBinary(TopicSample<?> sample) throws IOException {
    assertWireFormat(sample);
  }

  @Test
  void samplesCoverEveryInputAndViewTopic() {
    Stream<String> sampled = SampleRecords.all().stream().map(s -> s.topic().apply(catalog).name());
    Stream<String> topics =
        Stream.concat(catalog.inputs().stream(), catalog.views().stream()).map(Topic::name);

    assertThat(sampled.distinct()).containsExactlyInAnyOrderElementsOf(topics.toList());
  }

  @Test
  void fullSamplesSetEveryOptionalFieldAndMinimalOnesNone() {
    assertThat(SampleRecords.full())
        .allSatisfy(s -> assertThat(nullFields(s.record())).as(s.label()).isEmpty());
    assertThat(SampleRecords.minimal())
        .allSatisfy(
            s ->
                assertThat(nullFields(s.record()))
                    .as(s.label())
                    .containsExactlyInAnyOrderElementsOf(nullableFields(s.record().getSchema())));
  }

  @Test
  void nullStaysNullBothWays() {
    assertThat(deals.valueSerde().serializer().serialize(deals.name(), null)).isNull();
    assertThat(deals.valueSerde().deserializer().deserialize(deals.name(), null)).isNull();
  }

  @Test
  void wrongMagicByteIsRejected() {
    byte[] data = encodedDeal();
    data[0] = 1;

    assertThatThrownBy(() -> decode(data))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(deals.name())
        .hasMessageContaining("magic byte 1");
  }

  @Test
  void truncatedHeaderIsRejected() {
    byte[] data = Arrays.copyOf(encodedDeal(), 3);

    assertThatThrownBy(() -> decode(data))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes, shorter than the 5-byte Confluent wire-format header");
  }

  @Test
  void truncatedBodyIsRejected() {
    byte[] whole = encodedDeal();
    byte[] data = Arrays.copyOf(whole, whole.length - 10);

    assertThatThrownBy(() -> decode(data))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot decode DealAnnounced on topic '" + deals.name() + "'");
  }

  @Test
  void headerWithoutBodyIsRejected() {
    byte[] data = Arrays.copyOf(encodedDeal(), WireFormat.HEADER_SIZE);

    assertThatThrownBy(() -> decode(data))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot decode DealAnnounced");
  }

  @Test
  void unknownSchemaIdIsRejected() {
    byte[] data = encodedDeal();
    ByteBuffer.wrap(data).putInt(1, 4242);

    assertThatThrownBy(() -> decode(data))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 4242")
        .hasMessageContaining("not found");
  }

  @Test
  void trailingBytesAreRejected() {
    byte[] whole = encodedDeal();
    byte[] data = Arrays.copyOf(whole, whole.length + 1);

    assertThatThrownBy(() -> decode(data))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("trailing bytes");
  }

  @Test
  void recordMissingARequiredFieldIsRejectedWhenWritten() {
    DealAnnounced deal = EventSamples.fullDeal();
    deal.setBuyer(null);

    assertThatThrownBy(() -> deals.valueSerde().serializer().serialize(deals.name(), deal))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot encode DealAnnounced for topic '" + deals.name() + "'");
  }

  @Test
  void keySerdeRegistersUnderTheKeySubject() {
    RegistryAvroSerde<DealAnnounced> keys =
        new RegistryAvroSerde<>(DealAnnounced.class, registry, true, true);

    int id = keys.schemaIdFor(deals.name());

    assertThat(keys.subject(deals.name())).isEqualTo(deals.name() + "-key");
    assertThat(registry.latest(deals.name() + "-key").id()).isEqualTo(id);
  }

  private <T extends SpecificRecord> void assertRoundTrip(TopicSample<T> sample) {
    Topic<String, T> topic = sample.topic().apply(catalog);

    byte[] data = topic.valueSerde().serializer().serialize(topic.name(), sample.record());
    T read = topic.valueSerde().deserializer().deserialize(topic.name(), data);

    assertThat(read).isEqualTo(sample.record());
    assertThat(read.toString()).isEqualTo(sample.record().toString());
  }

  private <T extends SpecificRecord> void assertWireFormat(TopicSample<T> sample)
      throws IOException {
    Topic<String, T> topic = sample.topic().apply(catalog);

    byte[] data = topic.valueSerde().serializer().serialize(topic.name(), sample.record());

    RegisteredSchema registered = registry.latest(topic.name() + "-value");
    assertThat(registered.schema()).isEqualTo(sample.record().getSchema());
    assertThat(data[0]).isZero();
    assertThat(ByteBuffer.wrap(data, 1, 4).getInt()).isEqualTo(registered.id());
    assertThat(Arrays.copyOfRange(data, WireFormat.HEADER_SIZE, data.length))
        .isEqualTo(plainAvro(sample.record()));
  }

  /** The Avro binary encoding of a record, as any Avro library writes it. */
  private static byte[] plainAvro(SpecificRecord record) throws IOException {
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) record.getClass();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(type).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private byte[] encodedDeal() {
    return deals.valueSerde().serializer().serialize(deals.name(), EventSamples.fullDeal());
  }

  private DealAnnounced decode(byte[] data) {
    return deals.valueSerde().deserializer().deserialize(deals.name(), data);
  }

  private static List<String> nullableFields(Schema record) {
    return record.getFields().stream()
        .filter(f -> f.schema().isNullable())
        .map(Schema.Field::name)
        .toList();
  }

  private static List<String> nullFields(SpecificRecord record) {
    return nullableFields(record.getSchema()).stream()
        .filter(name -> record.get(record.getSchema().getField(name).pos()) == null)
        .toList();
  }
}
