package io.impactsim.views.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.registry.IncompatibleSchemaException;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.topics.serde.WireFormat;
import io.impactsim.views.Events;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.read.ViewReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newer producer's schema on the real broker and registry while the application runs with the
 * older reader: a compatible addition is processed, an incompatible change is refused by the
 * registry before anything is written, and old events stay readable after the upgrade.
 */
@KafkaSandboxTest
class SchemaEvolutionIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Instant OCT_1 = Instant.parse("2025-10-01T00:00:00Z");
  private static final Instant OCT_2 = Instant.parse("2025-10-02T00:00:00Z");
  private static final Instant OCT_3 = Instant.parse("2025-10-03T00:00:00Z");

  @TempDir Path stateDir;

  @Test
  void newerOptionalFieldIsReadByTheOlderApplicationAndIncompatibleChangeIsRefused(
      KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("evolve"));
    try (ImpactsimStreams app =
            new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir));
        SchemaRegistry registry = settings.schemaRegistry()) {
      app.start(TIMEOUT);
      TopicCatalog topics = settings.topics(registry);
      String subject = topics.deals().name() + "-value";
      DealAnnounced old = Events.deal("old", OCT_1, "old-buyer", "amazon", 10L).build();
      publish(settings, topics, old);

      Schema newer = withOptionalField(DealAnnounced.getClassSchema(), "announcementUrl");
      int newerId = registry.register(subject, newer);
      assertThat(registry.versions(subject)).hasSize(2);
      DealAnnounced template = Events.deal("newer", OCT_2, "newer-buyer", "amazon", 20L).build();
      send(settings, topics, Events.keyOf(template), framed(newerId, newer, template));

      Schema incompatible = withRequiredField(DealAnnounced.getClassSchema(), "region");
      assertThatThrownBy(() -> registry.register(subject, incompatible))
          .isInstanceOf(IncompatibleSchemaException.class);
      assertThat(registry.versions(subject)).hasSize(2);

      DealAnnounced afterUpgrade =
          Events.deal("after", OCT_3, "after-buyer", "amazon", 30L).build();
      publish(settings, topics, afterUpgrade);
      app.awaitCaughtUp(TIMEOUT);

      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      Map<String, CapexCommitments> capex = ViewReader.read(settings, topics.capex(), TIMEOUT);
      assertThat(capex.get("old-buyer").getCommittedAsBuyerUsd()).isEqualTo(10L);
      assertThat(capex.get("newer-buyer").getCommittedAsBuyerUsd()).isEqualTo(20L);
      assertThat(capex.get("after-buyer").getCommittedAsBuyerUsd()).isEqualTo(30L);
      assertThat(capex.get("amazon").getBacklogAsProviderUsd()).isEqualTo(60L);
      assertThat(
              DeadLetterLog.readAll(settings, topics.deadLetters().name(), TIMEOUT).stream()
                  .map(ConsumerRecord::value)
                  .toList())
          .isEmpty();
      assertThat(readWithNewerSchema(settings, topics, registry, newer))
          .containsExactlyInAnyOrder(null, "https://example.org/newer", null);
    }
  }

  /** Every deal on the topic, read with the newer schema: old records get the field's default. */
  private static List<Object> readWithNewerSchema(
      KafkaSettings settings, TopicCatalog topics, SchemaRegistry registry, Schema newer)
      throws Exception {
    List<Object> urls = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r :
        DeadLetterLog.readAll(settings, topics.deals().name(), TIMEOUT)) {
      Schema writer = registry.schemaById(WireFormat.schemaId(r.topic(), r.value()));
      byte[] v = r.value();
      GenericRecord read =
          new GenericDatumReader<GenericRecord>(writer, newer)
              .read(
                  null,
                  DecoderFactory.get()
                      .binaryDecoder(
                          v, WireFormat.HEADER_SIZE, v.length - WireFormat.HEADER_SIZE, null));
      Object url = read.get("announcementUrl");
      urls.add(url == null ? null : url.toString());
    }
    return urls;
  }

  private static Schema withOptionalField(Schema base, String name) {
    Schema optionalString =
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
    return withField(
        base, new Schema.Field(name, optionalString, "Added later.", Schema.NULL_VALUE));
  }

  private static Schema withRequiredField(Schema base, String name) {
    return withField(base, new Schema.Field(name, Schema.create(Schema.Type.STRING), null));
  }

  private static Schema withField(Schema base, Schema.Field added) {
    List<Schema.Field> fields = new ArrayList<>();
    base.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(added);
    return Schema.createRecord(
        base.getName(), base.getDoc(), base.getNamespace(), base.isError(), fields);
  }

  /** The deal as a newer producer writes it: the added field set, in the Confluent wire format. */
  private static byte[] framed(int schemaId, Schema newer, DealAnnounced deal) throws IOException {
    ByteArrayOutputStream older = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(older, null);
    new SpecificDatumWriter<>(DealAnnounced.class).write(deal, encoder);
    encoder.flush();
    GenericRecord record =
        new GenericDatumReader<GenericRecord>(DealAnnounced.getClassSchema(), newer)
            .read(null, DecoderFactory.get().binaryDecoder(older.toByteArray(), null));
    record.put("announcementUrl", "https://example.org/newer");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
    WireFormat.writeHeader(header, schemaId);
    out.writeBytes(header.array());
    BinaryEncoder body = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(newer).write(record, body);
    body.flush();
    return out.toByteArray();
  }

  private static void publish(KafkaSettings settings, TopicCatalog topics, DealAnnounced deal) {
    try (EventPublisher publisher =
        new EventPublisher(settings, topics, PublisherOptions.defaults())) {
      assertThat(publisher.publish(List.of(InputEvent.of(deal))).total()).isEqualTo(1);
    }
  }

  private static void send(KafkaSettings settings, TopicCatalog topics, String key, byte[] value)
      throws Exception {
    var props = settings.kafkaProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topics.deals().name(), key.getBytes(StandardCharsets.UTF_8), value))
          .get(30, TimeUnit.SECONDS);
    }
  }
}
