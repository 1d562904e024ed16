package io.impactsim.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.Difference;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The crash test's view comparison finds changed, missing and extra keys, and only those. */
@KafkaSandboxTest
class ViewDigestsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void reportsChangedMissingAndExtraKeysButNotTheLatestEqualValue(KafkaEnvironment env)
      throws Exception {
    KafkaSettings base = env.settings(env.uniqueName("digests-base"));
    KafkaSettings other = env.settings(env.uniqueName("digests-other"));
    write(env, base, cap("a", 1), cap("b", 2), cap("c", 3), cap("b", 5), cap("e", 7));
    write(env, other, cap("a", 1), cap("b", 4), cap("b", 5), cap("d", 6), cap("e", 8));

    ViewDigests.Outcome outcome = ViewDigests.compare(base, other, TIMEOUT, 10);

    assertThat(outcome.equal()).isFalse();
    assertThat(outcome.keys()).containsEntry("market-cap", 4).containsEntry("capex", 0);
    assertThat(outcome.differingKeys()).containsEntry("market-cap", 3).containsEntry("capex", 0);
    assertThat(outcome.differences()).extracting(Difference::key).containsOnly("c", "d", "e");
    assertThat(outcome.differences())
        .contains(new Difference("market-cap", "e", "eventCount", "7", "8"));
  }

  @Test
  void findsNoDifferenceBetweenTheSameRecordsWrittenInAnotherOrderOfKeys(KafkaEnvironment env)
      throws Exception {
    KafkaSettings base = env.settings(env.uniqueName("digests-same"));
    KafkaSettings other = env.settings(env.uniqueName("digests-same"));
    write(env, base, cap("a", 1), cap("b", 2));
    write(env, other, cap("b", 2), cap("a", 0), cap("a", 1));

    ViewDigests.Outcome outcome = ViewDigests.compare(base, other, TIMEOUT, 10);

    assertThat(outcome.equal()).isTrue();
    assertThat(outcome.differences()).isEmpty();
  }

  private static SimulatedMarketCap cap(String company, int eventCount) {
    return SimulatedMarketCap.newBuilder()
        .setCompany(company)
        .setAsOf(Instant.parse("2025-06-30T00:00:00Z"))
        .setValuationBasis(ValuationBasis.MARKET_CAP)
        .setReferenceValueUsd(1_000_000_000L)
        .setSimulatedValueUsd(1_000_000_000L + eventCount)
        .setCumulativeAbnormalReturn(0.0)
        .setLowValueUsd(900_000_000L)
        .setHighValueUsd(1_100_000_000L)
        .setEventCount(eventCount)
        .setLastEventId(null)
        .build();
  }

  /** Creates the namespace's view topics and writes the market-cap records in order. */
  private static void write(
      KafkaEnvironment env, KafkaSettings settings, SimulatedMarketCap... caps) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = TopicCatalog.create(settings.topicPrefix(), registry, true);
      env.createTopics(
          topics.views().stream()
              .map(t -> t.newTopic(3, Optional.empty()))
              .toArray(NewTopic[]::new));
      Topic<String, SimulatedMarketCap> topic = topics.marketCap();
      try (KafkaProducer<String, SimulatedMarketCap> producer =
          new KafkaProducer<>(
              settings.kafkaProperties(),
              topic.keySerde().serializer(),
              topic.valueSerde().serializer())) {
        for (SimulatedMarketCap cap : caps) {
          producer.send(new ProducerRecord<>(topic.name(), cap.getCompany(), cap)).get();
        }
      }
    }
  }
}
