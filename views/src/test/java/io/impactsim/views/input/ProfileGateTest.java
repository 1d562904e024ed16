package io.impactsim.views.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.Events;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileGateTest {
  @TempDir Path stateDir;

  @Test
  void onlyProfilesThatFailTheRulesAreDeadLetteredWithTheirBytesAndReason() {
    TopicCatalog topics = TopicCatalog.create("test", new InMemorySchemaRegistry(), true);
    Properties props =
        ImpactsimStreams.profileGateConfig(
            new KafkaSettings("unused:9092", "mock://registry", Map.of(), "test"),
            StreamsOptions.defaults()
                .withStateDir(stateDir)
                .withOverrides(
                    Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)),
            topics);
    try (TopologyTestDriver driver = new TopologyTestDriver(ProfileGate.build(topics), props)) {
      TestInputTopic<String, byte[]> companies =
          driver.createInputTopic(
              topics.companies().name(),
              Serdes.String().serializer(),
              Serdes.ByteArray().serializer());
      TestOutputTopic<byte[], byte[]> deadLetters =
          driver.createOutputTopic(
              topics.deadLetters().name(),
              Serdes.ByteArray().deserializer(),
              Serdes.ByteArray().deserializer());
      byte[] good = encode(topics, profile("good", 1_000));
      byte[] negative = encode(topics, profile("negative", -1));
      byte[] elsewhere = encode(topics, profile("someone", 1_000));

      companies.pipeInput("good", good);
      companies.pipeInput("negative", negative);
      companies.pipeInput("not-someone", elsewhere);
      companies.pipeInput("gone", (byte[]) null);

      List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
      assertThat(letters).hasSize(2);
      assertThat(new String(letters.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("negative");
      assertThat(letters.get(0).value()).isEqualTo(negative);
      assertThat(DeadLetters.text(letters.get(0).headers(), DeadLetters.REASON))
          .contains("marketCapUsd");
      assertThat(DeadLetters.text(letters.get(0).headers(), DeadLetters.TOPIC))
          .isEqualTo(topics.companies().name());
      assertThat(letters.get(1).value()).isEqualTo(elsewhere);
      assertThat(DeadLetters.text(letters.get(1).headers(), DeadLetters.REASON))
          .isEqualTo(
              "record key 'not-someone' is not the profile's id 'someone' (profiles are keyed by"
                  + " id)");
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

  private static byte[] encode(TopicCatalog topics, CompanyProfile profile) {
    return topics
        .companies()
        .valueSerde()
        .serializer()
        .serialize(topics.companies().name(), profile);
  }
}
