package io.impactsim.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.testing.Clusters;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.IncompatibleSchemaException;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The publisher against a real broker and registry. */
@KafkaSandboxTest
class EventPublisherClusterTest {

  @Test
  void bundledHistoryArrivesExactlyOnceWithEventTimesAndDocumentedKeys(KafkaEnvironment env) {
    KafkaSettings settings = env.settings(env.uniqueName("bundled"));
    TopicCatalog topics = settings.topics(settings.schemaRegistry());
    List<InputEvent> history = BundledHistory.load();

    PublishReport report;
    try (EventPublisher publisher =
        new EventPublisher(settings, topics, PublisherOptions.defaults())) {
      report = publisher.publish(history);
    }

    assertThat(report.total()).isEqualTo(history.size());
    assertThat(report.confirmed(EventType.COMPANY)).isEqualTo(7);
    List<ConsumerRecord<String, ? extends SpecificRecord>> read = readInputs(settings, topics);
    Map<String, ConsumerRecord<String, ? extends SpecificRecord>> byId =
        read.stream().collect(Collectors.toMap(r -> InputEvent.of(r.value()).eventId(), r -> r));
    assertThat(read).hasSameSizeAs(history);
    for (InputEvent e : history) {
      ConsumerRecord<String, ? extends SpecificRecord> r = byId.get(e.eventId());
      assertThat(r.topic()).isEqualTo(e.topicIn(topics).name());
      assertThat(r.key()).isEqualTo(e.key());
      assertThat(r.timestamp()).isEqualTo(e.occurredAt().toEpochMilli());
      assertThat(r.value()).isEqualTo(e.value());
    }
  }

  @Test
  void createsTheInputTopicsWithTheRequestedPartitions(KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("partitions"));
    TopicCatalog topics = settings.topics(settings.schemaRegistry());

    try (EventPublisher publisher =
        new EventPublisher(settings, topics, PublisherOptions.defaults().withPartitions(2))) {
      publisher.publish(BundledHistory.load());
    }

    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      List<String> names = topics.inputs().stream().map(Topic::name).toList();
      Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
      assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(2));
    }
  }

  @Test
  void companiesPublishedEarlierAreKnownToTheNextInput(KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("known"));
    TopicCatalog topics = settings.topics(settings.schemaRegistry());
    Duration timeout = Duration.ofSeconds(30);
    assertThat(PublishedCompanies.read(settings, topics, timeout)).isEmpty();

    try (EventPublisher publisher =
        new EventPublisher(settings, topics, PublisherOptions.defaults())) {
      publisher.publish(BundledHistory.load());
    }

    assertThat(PublishedCompanies.read(settings, topics, timeout))
        .containsExactly(
            "alphabet", "amazon", "microsoft", "nvidia", "openai", "oracle", "various");
  }

  @Test
  void anIncompatibleRegisteredSchemaStopsThePublishBeforeAnythingIsWritten(KafkaEnvironment env)
      throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("incompatible"));
    SchemaRegistry registry = settings.schemaRegistry();
    TopicCatalog topics = settings.topics(registry);
    String subject = topics.deals().name() + "-value";
    // Given: the subject already holds a deal schema whose contract value is text, which the
    // current schema (a long) cannot read.
    registry.setCompatibility(subject, CompatibilityLevel.BACKWARD_TRANSITIVE);
    registry.register(subject, withValueAsText(DealAnnounced.getClassSchema()));

    // When
    Throwable thrown;
    try (EventPublisher publisher =
        new EventPublisher(settings, topics, PublisherOptions.defaults())) {
      thrown = catchThrowable(() -> publisher.publish(BundledHistory.load()));
    }

    // Then
    assertThat(thrown)
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining(subject)
        .hasMessageContaining("valueUsd");
    assertThat(registry.versions(subject)).hasSize(1);
    assertThat(readInputs(settings, topics)).isEmpty();
  }

  private static Schema withValueAsText(Schema current) {
    String json = current.toString().replace("[\"null\",\"long\"]", "[\"null\",\"string\"]");
    Schema changed = new Schema.Parser().parse(json);
    assertThat(changed.getField("valueUsd").schema().getTypes().get(1).getType())
        .isEqualTo(Schema.Type.STRING);
    return changed;
  }

  private static List<ConsumerRecord<String, ? extends SpecificRecord>> readInputs(
      KafkaSettings settings, TopicCatalog topics) {
    List<ConsumerRecord<String, ? extends SpecificRecord>> all = new ArrayList<>();
    all.addAll(Clusters.readAll(settings, topics.deals()));
    all.addAll(Clusters.readAll(settings, topics.restructurings()));
    all.addAll(Clusters.readAll(settings, topics.earnings()));
    all.addAll(Clusters.readAll(settings, topics.companies()));
    return all;
  }
}
