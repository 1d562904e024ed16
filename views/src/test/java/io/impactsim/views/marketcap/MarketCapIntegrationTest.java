package io.impactsim.views.marketcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.read.ViewReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views on a real broker with exactly-once processing, for different partition counts and
 * publication orders, against the same events through the topology test driver in log order.
 */
@KafkaSandboxTest
class MarketCapIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path stateDir;
  @TempDir Path referenceStateDir;

  @Test
  void
      partitionCountsAndPublicationOrdersGiveTheViewsOfOneOrderedPassAndARepublicationChangesNothing(
          KafkaEnvironment env) throws Exception {
    List<InputEvent> history = BundledHistory.load();
    Map<String, Object> reference;
    try (MarketCapDriver ordered = new MarketCapDriver(referenceStateDir, List.of())) {
      history.forEach(ordered::publish);
      reference = ordered.latestOutputs();
    }
    EventReactions seed = (EventReactions) reference.get("reaction 2025-11-03-openai-aws-38b");
    assertThat(seed.getReactions())
        .filteredOn(r -> r.getCompany().equals("amazon"))
        .singleElement()
        .satisfies(r -> assertThat((double) r.getDollarImpactUsd()).isCloseTo(140e9, within(70e9)));

    Random random = new Random(4);
    for (int partitions : new int[] {1, 4}) {
      KafkaSettings settings = env.settings(env.uniqueName("mc" + partitions));
      StreamsOptions options =
          StreamsOptions.defaults()
              .withStateDir(stateDir.resolve("p" + partitions))
              .withPartitions(partitions)
              .withReplicationFactor((short) 1);
      try (ImpactsimStreams app = new ImpactsimStreams(settings, options)) {
        TopicCatalog topics = app.topics();
        // Profiles first, held by the application before any event (docs/reliability.md), then
        // the events in an order of their own.
        app.start(TIMEOUT);
        List<InputEvent> profiles =
            history.stream().filter(e -> e.type() == EventType.COMPANY).toList();
        publish(settings, topics, profiles);
        long companies = profiles.stream().map(InputEvent::key).distinct().count();
        await().atMost(TIMEOUT).until(() -> app.companiesHeld() == companies);
        List<InputEvent> events =
            new ArrayList<>(history.stream().filter(e -> e.type() != EventType.COMPANY).toList());
        Collections.shuffle(events, random);
        publish(settings, topics, events);
        app.awaitCaughtUp(TIMEOUT);
        assertThat(views(settings, topics)).as("%d partitions", partitions).isEqualTo(reference);

        publish(settings, topics, history);
        app.awaitCaughtUp(TIMEOUT);
        assertThat(views(settings, topics)).isEqualTo(reference);
      }
    }
  }

  /** The latest record per key of the market-cap views, as {@link MarketCapDriver} gives them. */
  private static Map<String, Object> views(KafkaSettings settings, TopicCatalog topics)
      throws Exception {
    Map<String, Object> views = new TreeMap<>();
    read(settings, topics.marketCapReactions(), "reaction ", views);
    read(settings, topics.marketCap(), "value ", views);
    return views;
  }

  private static <V> void read(
      KafkaSettings settings, Topic<String, V> topic, String label, Map<String, Object> into)
      throws Exception {
    ViewReader.read(settings, topic, TIMEOUT).forEach((k, v) -> into.put(label + k, v));
  }

  private static void publish(
      KafkaSettings settings, TopicCatalog topics, List<InputEvent> events) {
    try (EventPublisher publisher =
        new EventPublisher(
            settings, topics, PublisherOptions.defaults().withCreateMissingTopics(false))) {
      publisher.publish(events);
    }
  }
}
