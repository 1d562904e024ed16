package io.impactsim.views.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.Events;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.input.DeadLetters;
import io.impactsim.views.read.ViewReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records just under the broker's size limit whose full dead-letter copies would be over it: the
 * application must dead-letter them with a digest and the size in place of the value, and keep
 * processing, rather than fail its transaction on a record it was meant to set aside.
 */
@KafkaSandboxTest
class DeadLetterSizeIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  /** Bytes of a record batch besides its records, as the broker counts it against its limit. */
  private static final int BATCH_OVERHEAD = 61;

  @TempDir Path stateDir;

  @Test
  void recordsJustUnderTheBrokerLimitAreDeadLetteredWithDigestAndTheApplicationCarriesOn(
      KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("dlq-size"));
    try (ImpactsimStreams app =
            new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir));
        KafkaProducer<byte[], byte[]> producer = producer(settings)) {
      app.start(TIMEOUT);
      TopicCatalog topics = app.topics();
      int limit = maxMessageBytes(settings, topics.deals().name());
      Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

      // Given an invalid deal (a negative value) and an undecodable value, each as large as the
      // broker accepts, less a few bytes
      ProducerRecord<byte[], byte[]> invalid = nearLimit(topics, limit, at);
      byte[] garbage = new byte[limit - BATCH_OVERHEAD - 100];
      Arrays.fill(garbage, (byte) 'x');
      ProducerRecord<byte[], byte[]> undecodable =
          sized(topics.deals().name(), "undecodable-key", garbage, "undecodable", limit);
      for (ProducerRecord<byte[], byte[]> r : List.of(invalid, undecodable)) {
        long copy = batchSize(r.key(), r.value(), withReasonHeaders(r.headers()));
        assertThat(copy).as("full dead-letter copy of " + r.key().length).isGreaterThan(limit);
      }
      // and then a valid deal
      DealAnnounced valid =
          Events.deal("after-the-large-ones", at, "hostile-after-buyer", "hostile-provider", 5_000L)
              .build();

      // When all three are published
      send(producer, invalid);
      send(producer, undecodable);
      send(producer, record(topics, valid));
      app.awaitCaughtUp(TIMEOUT);

      // Then the application runs, the valid deal is in the views
      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      Map<String, CapexCommitments> capex = ViewReader.read(settings, topics.capex(), TIMEOUT);
      assertThat(capex.get("hostile-after-buyer").getCommittedAsBuyerUsd()).isEqualTo(5_000L);

      // and each large record has one dead letter with its reason, key and headers, whose value
      // is replaced by its digest and size
      List<ConsumerRecord<byte[], byte[]>> letters =
          DeadLetterLog.readAll(settings, topics.deadLetters().name(), TIMEOUT);
      assertThat(letters).hasSize(2);
      assertBounded(letter(letters, "invalid"), invalid, "valueUsd must not be negative");
      assertBounded(letter(letters, "undecodable"), undecodable, "cannot decode record");
    }
  }

  private static void assertBounded(
      ConsumerRecord<byte[], byte[]> letter, ProducerRecord<byte[], byte[]> original, String why)
      throws Exception {
    Headers h = letter.headers();
    assertThat(DeadLetters.text(h, DeadLetters.REASON)).contains(why);
    assertThat(letter.value()).isNull();
    assertThat(DeadLetters.text(h, DeadLetters.VALUE_SIZE))
        .isEqualTo(Integer.toString(original.value().length));
    assertThat(DeadLetters.text(h, DeadLetters.VALUE_SHA256))
        .isEqualTo(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(original.value())));
    assertThat(letter.key()).isEqualTo(original.key());
    assertThat(h.lastHeader(DeadLetters.KEY_SHA256)).isNull();
    assertThat(h.lastHeader(DeadLetters.HEADERS_SHA256)).isNull();
    assertThat(letter.serializedValueSize() + letter.serializedKeySize()).isLessThan(10_000);
  }

  private static ConsumerRecord<byte[], byte[]> letter(
      List<ConsumerRecord<byte[], byte[]>> letters, String name) {
    return letters.stream()
        .filter(r -> name.equals(DeadLetters.text(r.headers(), HostileCase.HEADER)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dead letter for " + name));
  }

  /** An invalid deal whose record is a few bytes under the limit: its notes fill the rest. */
  private static ProducerRecord<byte[], byte[]> nearLimit(
      TopicCatalog topics, int limit, Instant at) {
    int notes = limit - 1_000;
    for (int attempt = 0; attempt < 5; attempt++) {
      DealAnnounced deal =
          Events.deal("near-the-limit", at, "hostile-buyer", "hostile-provider", -1L)
              .setNotes("n".repeat(notes))
              .build();
      ProducerRecord<byte[], byte[]> r = record(topics, deal);
      ProducerRecord<byte[], byte[]> named =
          sized(r.topic(), new String(r.key(), StandardCharsets.UTF_8), r.value(), "invalid", -1);
      long size = batchSize(named.key(), named.value(), named.headers());
      long target = limit - 20;
      if (size <= target && size > target - 5) {
        return named;
      }
      notes += (int) (target - size);
    }
    throw new IllegalStateException("cannot size a deal to " + limit + " bytes");
  }

  private static ProducerRecord<byte[], byte[]> sized(
      String topic, String key, byte[] value, String name, int limit) {
    ProducerRecord<byte[], byte[]> r =
        new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
    r.headers().add(HostileCase.HEADER, name.getBytes(StandardCharsets.UTF_8));
    if (limit > 0) {
      assertThat(batchSize(r.key(), r.value(), r.headers())).isLessThanOrEqualTo(limit);
    }
    return r;
  }

  private static ProducerRecord<byte[], byte[]> record(TopicCatalog topics, DealAnnounced deal) {
    String topic = topics.deals().name();
    return new ProducerRecord<>(
        topic,
        Events.keyOf(deal).getBytes(StandardCharsets.UTF_8),
        topics.deals().valueSerde().serializer().serialize(topic, deal));
  }

  /** The original headers with the reason and origin a dead letter adds. */
  private static Headers withReasonHeaders(Headers original) {
    return DeadLetters.headers(
        new RecordHeaders(original.toArray()),
        "valueUsd must not be negative, was -1",
        "x",
        0,
        0,
        null);
  }

  /** The size of a batch holding just this record (format v2), as the broker measures it. */
  static long batchSize(byte[] key, byte[] value, Headers headers) {
    long body = 1 + 1 + 1; // attributes, timestamp delta 0, offset delta 0
    body += varint(key.length) + key.length + varint(value.length) + value.length;
    Header[] all = headers.toArray();
    body += varint(all.length);
    for (Header h : all) {
      int name = h.key().getBytes(StandardCharsets.UTF_8).length;
      body += varint(name) + name + varint(h.value().length) + h.value().length;
    }
    return BATCH_OVERHEAD + varint(body) + body;
  }

  /** Bytes of a zig-zag varint. */
  private static int varint(long value) {
    long v = (value << 1) ^ (value >> 63);
    int bytes = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      bytes++;
    }
    return bytes;
  }

  private static int maxMessageBytes(KafkaSettings settings, String topic) throws Exception {
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return Integer.parseInt(
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(resource)
              .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
              .value());
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(KafkaSettings settings) {
    var props = settings.kafkaProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> r)
      throws Exception {
    producer.send(r).get(30, TimeUnit.SECONDS);
  }
}
