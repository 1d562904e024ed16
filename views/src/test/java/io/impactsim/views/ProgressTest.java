package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@KafkaSandboxTest
class ProgressTest {

  @Test
  void awaitCaughtUpTimesOutWhileEventsWaitUnprocessed(KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("progress"));
    TopicCatalog topics =
        TopicCatalog.create(settings.topicPrefix(), new InMemorySchemaRegistry(), true);
    env.createTopics(
        topics.all().stream().map(t -> t.newTopic(1, Optional.empty())).toArray(NewTopic[]::new));
    DealAnnounced deal =
        Events.deal("e1", Instant.parse("2025-11-03T00:00:00Z"), "a", "b", 1L).build();
    try (KafkaProducer<String, DealAnnounced> producer =
        new KafkaProducer<>(
            settings.kafkaProperties(),
            topics.deals().keySerde().serializer(),
            topics.deals().valueSerde().serializer())) {
      producer
          .send(new ProducerRecord<>(topics.deals().name(), Events.keyOf(deal), deal))
          .get(30, TimeUnit.SECONDS);
    }

    assertThatThrownBy(
            () ->
                Progress.awaitCaughtUp(
                    settings, env.uniqueName("never-started"), Duration.ofSeconds(1)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining(topics.deals().name() + "-0 consumed to 0 of 1");
  }

  @Test
  void applicationWithNothingToDoHasCaughtUp(KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("idle"));
    TopicCatalog topics =
        TopicCatalog.create(settings.topicPrefix(), new InMemorySchemaRegistry(), true);
    env.createTopics(
        topics.all().stream().map(t -> t.newTopic(1, Optional.empty())).toArray(NewTopic[]::new));

    assertThatCode(
            () ->
                Progress.awaitCaughtUp(
                    settings, env.uniqueName("idle-app"), Duration.ofSeconds(30)))
        .doesNotThrowAnyException();
  }
}
