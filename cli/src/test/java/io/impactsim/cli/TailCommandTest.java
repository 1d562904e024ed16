package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** {@code impactsim tail} on a view topic of the sandbox. */
@KafkaSandboxTest
class TailCommandTest {
  @Test
  void printsEachRecordOfTheViewAsAJsonLine(KafkaEnvironment env) throws Exception {
    String prefix = env.uniqueName("tail");
    KafkaSettings settings = env.settings(prefix);
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      Topic<String, SimulatedMarketCap> topic = settings.topics(registry).marketCap();
      env.createTopics(topic.newTopic(1, Optional.empty()));
      publish(settings, topic, marketCap("openai"));
      publish(settings, topic, marketCap("oracle"));
    }

    CommandRun run =
        CommandRun.withStandardOutput(
            "--bootstrap-servers=" + env.bootstrapServers(),
            "--schema-registry-url=" + env.schemaRegistryUrl(),
            "--topic-prefix=" + prefix,
            "tail",
            "market-cap",
            "--from-beginning",
            "--max-records=2");

    assertThat(run.exit()).as("exit code; stderr: %s", run.err()).isZero();
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = AvroToJson.MAPPER.readTree(lines[0]);
    assertThat(first.get("key").asText()).isEqualTo("openai");
    assertThat(first.get("value").get("simulatedValueUsd").asLong()).isEqualTo(500_000_000_000L);
    assertThat(AvroToJson.MAPPER.readTree(lines[1]).get("key").asText()).isEqualTo("oracle");
  }

  private static void publish(
      KafkaSettings settings, Topic<String, SimulatedMarketCap> topic, SimulatedMarketCap value)
      throws Exception {
    try (KafkaProducer<String, SimulatedMarketCap> producer =
        new KafkaProducer<>(
            settings.kafkaProperties(),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer
          .send(new ProducerRecord<>(topic.name(), value.getCompany(), value))
          .get(20, TimeUnit.SECONDS);
    }
  }

  private static SimulatedMarketCap marketCap(String company) {
    return SimulatedMarketCap.newBuilder()
        .setCompany(company)
        .setAsOf(Instant.parse("2025-11-03T14:30:00Z"))
        .setValuationBasis(ValuationBasis.MARKET_CAP)
        .setReferenceValueUsd(500_000_000_000L)
        .setSimulatedValueUsd(500_000_000_000L)
        .setCumulativeAbnormalReturn(0.0)
        .setLowValueUsd(475_000_000_000L)
        .setHighValueUsd(525_000_000_000L)
        .setEventCount(1)
        .setLastEventId(null)
        .build();
  }
}
