package io.impactsim.views.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.Events;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.input.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Company profiles that cannot be decoded or fail validation, on the sandbox broker: each becomes
 * exactly one dead letter with its original bytes and reason (written by the profile gate), while
 * the application keeps running and holds the good profiles.
 */
@KafkaSandboxTest
class ProfileDeadLetterIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @Test
  void anUndecodableAndAnInvalidProfileEachBecomeOneDeadLetter(
      KafkaEnvironment env, @TempDir Path dir) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("profiles"));
    try (ImpactsimStreams app =
            new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(dir));
        SchemaRegistry registry = settings.schemaRegistry();
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                settings.kafkaProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      app.start(TIMEOUT);
      Topic<String, CompanyProfile> companies = settings.topics(registry).companies();
      byte[] undecodable = "not a profile".getBytes(StandardCharsets.UTF_8);
      byte[] invalid = encode(companies, profile("invalid-co", -5));

      send(producer, companies, "good-one", encode(companies, profile("good-one", 1_000)));
      send(producer, companies, "broken-profile", undecodable);
      send(producer, companies, "invalid-co", invalid);
      send(producer, companies, "good-two", encode(companies, profile("good-two", 2_000)));

      await().atMost(TIMEOUT).until(() -> app.companiesHeld() == 2);
      app.awaitCaughtUp(TIMEOUT);

      List<ConsumerRecord<byte[], byte[]>> letters =
          DeadLetterLog.readAll(settings, app.topics().deadLetters().name(), TIMEOUT);
      Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey =
          letters.stream()
              .collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8)));
      assertThat(byKey.keySet()).containsExactlyInAnyOrder("broken-profile", "invalid-co");
      assertThat(byKey.get("broken-profile")).hasSize(1);
      assertThat(byKey.get("invalid-co")).hasSize(1);

      ConsumerRecord<byte[], byte[]> broken = byKey.get("broken-profile").get(0);
      assertThat(broken.value()).isEqualTo(undecodable);
      assertThat(DeadLetters.text(broken.headers(), DeadLetters.REASON))
          .startsWith("cannot decode record");
      assertThat(DeadLetters.text(broken.headers(), DeadLetters.TOPIC)).isEqualTo(companies.name());

      ConsumerRecord<byte[], byte[]> rejected = byKey.get("invalid-co").get(0);
      assertThat(rejected.value()).isEqualTo(invalid);
      assertThat(DeadLetters.text(rejected.headers(), DeadLetters.REASON)).contains("marketCapUsd");
      assertThat(DeadLetters.text(rejected.headers(), DeadLetters.TOPIC))
          .isEqualTo(companies.name());

      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(app.profileGate().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  private static CompanyProfile profile(String id, long marketCapUsd) {
    return CompanyProfile.newBuilder()
        .setMeta(Events.meta("profile-" + id, Instant.parse("2025-11-03T00:00:00Z")))
        .setId(id)
        .setName("Company " + id)
        .setListed(true)
        .setReferenceDate(LocalDate.of(2025, 11, 1))
        .setMarketCapUsd(marketCapUsd)
        .build();
  }

  private static byte[] encode(Topic<String, CompanyProfile> topic, CompanyProfile profile) {
    return topic.valueSerde().serializer().serialize(topic.name(), profile);
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer,
      Topic<String, CompanyProfile> topic,
      String key,
      byte[] value)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), value))
        .get(20, TimeUnit.SECONDS);
  }
}
