package io.impactsim.streams.marketcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxExtension;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.config.KafkaSettings;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.Progress;
import io.impactsim.streams.StreamsOptions;
import io.impactsim.streams.ViewReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The market-cap view on a real broker, three partitions per topic, exactly-once processing. */
@ExtendWith(KafkaSandboxExtension.class)
class MarketCapIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path stateDir;
  @TempDir Path referenceStateDir;

  @Test
  void realPartitionsGiveTheSameViewsAsOneOrderedPartitionAndARepublicationChangesNothing(
      KafkaEnvironment env) throws Exception {
    List<InputEvent> history = BundledHistory.load();
    Map<String, Object> reference;
    try (MarketCapDriver ordered = new MarketCapDriver(referenceStateDir, List.of())) {
      history.forEach(ordered::publish);
      reference = ordered.latestOutputs();
    }
    KafkaSettings settings = env.settings(env.uniqueName("mc"));
    TopicCatalog topics = settings.topics(settings.schemaRegistry());
    env.createTopics(
        topics.all().stream().map(t -> t.newTopic(3, Optional.empty())).toArray(NewTopic[]::new));
    // Profiles first: the global store is complete when the application starts.
    publish(settings, topics, history.stream().filter(e -> e.type() == EventType.COMPANY).toList());
    String applicationId = topics.prefix() + "-market-cap";
    Properties props = streamsConfig(settings, applicationId);

    try (KafkaStreams streams =
        new KafkaStreams(
            MarketCapDriver.topology(topics, props, StreamsOptions.DEFAULT_REPRICE_INTERVAL),
            props)) {
      streams.start();
      await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
      publish(
          settings, topics, history.stream().filter(e -> e.type() != EventType.COMPANY).toList());
      await()
          .atMost(TIMEOUT)
          .untilAsserted(() -> assertThat(views(settings, topics)).isEqualTo(reference));
      MarketCapReaction amazon =
          (MarketCapReaction) reference.get("reaction 2025-11-03-openai-aws-38b|amazon");
      assertThat((double) amazon.getDollarImpactUsd()).isCloseTo(140e9, within(14e9));

      publish(settings, topics, history);
      Progress.awaitCaughtUp(settings, applicationId, TIMEOUT);

      assertThat(views(settings, topics)).isEqualTo(reference);
    }
  }

  /** The latest record per key of both views, as {@link MarketCapDriver#latestOutputs()} gives. */
  private static Map<String, Object> views(KafkaSettings settings, TopicCatalog topics)
      throws Exception {
    Map<String, Object> views = new TreeMap<>();
    ViewReader.read(settings, topics.marketCapReactions(), TIMEOUT)
        .forEach((k, v) -> views.put("reaction " + k, v));
    ViewReader.read(settings, topics.marketCap(), TIMEOUT)
        .forEach((k, v) -> views.put("value " + k, v));
    return views;
  }

  private static void publish(
      KafkaSettings settings, TopicCatalog topics, List<InputEvent> events) {
    try (EventPublisher publisher =
        new EventPublisher(
            settings, topics, PublisherOptions.defaults().withCreateMissingTopics(false))) {
      publisher.publish(events);
    }
  }

  private Properties streamsConfig(KafkaSettings settings, String applicationId) {
    Properties props = settings.kafkaProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    return props;
  }
}
