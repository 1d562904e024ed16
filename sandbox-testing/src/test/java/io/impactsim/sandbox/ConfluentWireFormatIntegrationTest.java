package io.impactsim.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.registry.RegistryClientConfig;
import io.impactsim.schemas.registry.RestSchemaRegistry;
import io.impactsim.topics.SchemaSubjects;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * What impactsim writes, any Confluent-compatible consumer can read: the record bytes on the real
 * broker are framed with the id the real registry assigned, and a generic Avro reader that knows
 * nothing of impactsim's classes decodes them with the schema fetched by that id.
 */
@KafkaSandboxTest
class ConfluentWireFormatIntegrationTest {

  @Test
  void aGenericReaderDecodesADealWithTheSchemaItFetchesById(KafkaEnvironment env) throws Exception {
    var registry = new RestSchemaRegistry(RegistryClientConfig.of(env.schemaRegistryUrl()));
    TopicCatalog topics = TopicCatalog.create(env.uniqueName("wire"), registry, true);
    Topic<String, DealAnnounced> deals = topics.deals();
    env.createTopics(deals.newTopic(1, Optional.empty()));
    Map<String, Integer> ids = SchemaSubjects.prepare(List.of(deals));

    DealAnnounced deal = awsDeal();
    produce(env, deals, "contract-aws", deal);
    byte[] bytes = consumeOne(env, deals.name());

    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(bytes[0]).isZero();
    assertThat(id).isEqualTo(ids.get(deals.name() + "-value"));
    Schema fetched = new Schema.Parser().parse(fetchSchemaText(env.schemaRegistryUrl(), id));
    GenericRecord generic =
        new GenericDatumReader<GenericRecord>(fetched)
            .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    assertThat(generic.get("valueUsd")).isEqualTo(38_000_000_000L);
    assertThat(generic.get("provider").toString()).isEqualTo("amazon");
    assertThat(((GenericRecord) generic.get("meta")).get("eventId").toString())
        .isEqualTo("deal-openai-aws-2025-11-03");
    assertThat(deals.valueSerde().deserializer().deserialize(deals.name(), bytes)).isEqualTo(deal);
  }

  private static DealAnnounced awsDeal() {
    return DealAnnounced.newBuilder()
        .setMeta(
            new EventMetadata(
                "deal-openai-aws-2025-11-03", Instant.parse("2025-11-03T13:00:00Z"), "test"))
        .setDealId("openai-aws")
        .setContractId("contract-aws")
        .setBuyer("openai")
        .setProvider("amazon")
        .setProviderUnit("AWS")
        .setKind(DealKind.CLOUD_CAPACITY)
        .setValueUsd(38_000_000_000L)
        .setValueQualifier(ValueQualifier.EXACT)
        .setTermMonths(84)
        .build();
  }

  private static void produce(
      KafkaEnvironment env, Topic<String, DealAnnounced> topic, String key, DealAnnounced value)
      throws Exception {
    Map<String, Object> props = env.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(
            props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }

  private static byte[] consumeOne(KafkaEnvironment env, String topic) {
    Map<String, Object> props = env.clientProperties();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, env.uniqueName("wire-reader"));
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          return r.value();
        }
      }
    }
    throw new AssertionError("no record arrived on " + topic);
  }

  private static String fetchSchemaText(String registryUrl, int id) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body()).get("schema").asText();
  }
}
