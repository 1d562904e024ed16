package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.input.DeadLetters;
import io.impactsim.views.read.ViewReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole application on a real broker with exactly-once processing. */
@KafkaSandboxTest
class StreamsEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Instant NOV_3 = Instant.parse("2025-11-03T14:00:00Z");

  @TempDir Path stateDir;

  @Test
  void viewsReflectEachEventOnceEvenWhenEverythingIsPublishedAgain(KafkaEnvironment env)
      throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("e2e"));
    try (ImpactsimStreams app =
        new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir))) {
      app.start(TIMEOUT);
      TopicCatalog topics = app.topics();
      List<ProducerRecord<byte[], byte[]>> events = events(topics);

      publish(settings, events);
      Progress.awaitCaughtUp(settings, app.applicationId(), TIMEOUT);
      Map<String, MarketShareSnapshot> first =
          ViewReader.read(settings, topics.marketShare(), TIMEOUT);

      MarketShareSnapshot all = first.get(Events.CLOUD + "|ALL");
      assertThat(all.getTotalCommittedUsd()).isEqualTo(38_000_000_000L + 12_000_000_000L);
      assertThat(all.getExcludedDealCount()).isEqualTo(1);
      assertThat(all.getEntries().get(0).getProvider()).isEqualTo("amazon");
      assertThat(first).containsKey(Events.CLOUD + "|2025-Q4");
      Map<String, CapexCommitments> capex = ViewReader.read(settings, topics.capex(), TIMEOUT);
      assertThat(capex.get("openai").getCommittedAsBuyerUsd()).isEqualTo(38_000_000_000L);
      assertThat(capex.get("amazon").getBacklogAsProviderUsd()).isEqualTo(38_000_000_000L);
      assertThat(capex.get("meta").getCommittedAsBuyerUsd()).isEqualTo(12_000_000_000L);
      List<ConsumerRecord<byte[], byte[]>> letters =
          readAll(settings, topics.deadLetters().name(), 2);
      assertThat(letters)
          .extracting(r -> DeadLetters.text(r.headers(), DeadLetters.REASON))
          .anySatisfy(reason -> assertThat(reason).startsWith("cannot decode"))
          .anySatisfy(reason -> assertThat(reason).contains("valueUsd must not be negative"));

      publish(settings, events);
      Progress.awaitCaughtUp(settings, app.applicationId(), TIMEOUT);

      assertThat(ViewReader.read(settings, topics.marketShare(), TIMEOUT)).isEqualTo(first);
      assertThat(ViewReader.read(settings, topics.capex(), TIMEOUT)).isEqualTo(capex);
    }
  }

  private static List<ProducerRecord<byte[], byte[]>> events(TopicCatalog topics) {
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
    out.add(record(topics.companies(), "amazon", profile("amazon", "Amazon")));
    out.add(record(topics.companies(), "oracle", profile("oracle", "Oracle")));
    DealAnnounced aws =
        Events.deal("aws", NOV_3, "openai", "amazon", 38_000_000_000L)
            .setProviderUnit("AWS")
            .setTermMonths(84)
            .build();
    out.add(record(topics.deals(), Events.keyOf(aws), aws));
    DealAnnounced oracle = Events.deal("oci", NOV_3, "meta", "oracle", 12_000_000_000L).build();
    out.add(record(topics.deals(), Events.keyOf(oracle), oracle));
    DealAnnounced undisclosed =
        Events.deal("secret", NOV_3, "openai", "oracle", 0L).setValueUsd(null).build();
    out.add(record(topics.deals(), Events.keyOf(undisclosed), undisclosed));
    DealAnnounced negative = Events.deal("negative", NOV_3, "openai", "oracle", -1L).build();
    out.add(record(topics.deals(), Events.keyOf(negative), negative));
    out.add(
        new ProducerRecord<>(
            topics.deals().name(),
            "broken".getBytes(StandardCharsets.UTF_8),
            "not avro".getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static CompanyProfile profile(String id, String name) {
    return CompanyProfile.newBuilder()
        .setMeta(Events.meta("profile-" + id, NOV_3))
        .setId(id)
        .setName(name)
        .setListed(true)
        .setReferenceDate(LocalDate.of(2025, 11, 1))
        .setMarketCapUsd(2_000_000_000_000L)
        .build();
  }

  private static <V extends SpecificRecord> ProducerRecord<byte[], byte[]> record(
      Topic<String, V> topic, String key, V value) {
    return new ProducerRecord<>(
        topic.name(),
        topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  private static void publish(KafkaSettings settings, List<ProducerRecord<byte[], byte[]>> records)
      throws InterruptedException, ExecutionException, TimeoutException {
    var props = settings.kafkaProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      records.forEach(r -> sent.add(producer.send(r)));
      for (Future<RecordMetadata> f : sent) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      KafkaSettings settings, String topic, int atLeast) throws InterruptedException {
    var props = settings.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (out.size() < atLeast && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }
}
