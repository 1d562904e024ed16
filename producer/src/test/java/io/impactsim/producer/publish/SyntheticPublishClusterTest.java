package io.impactsim.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.EventType;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.producer.testing.Clusters;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Publishes synthetic markets to the sandbox and counts them back. The million-event run is opt-in
 * ({@code -Dimpactsim.heavy=true}); its figures are in docs/performance.md.
 */
@KafkaSandboxTest
class SyntheticPublishClusterTest {

  @Test
  void twentyThousandSyntheticEventsArriveExactlyOnce(KafkaEnvironment env) {
    publishAndCountBack(env, 20_000, 100);
  }

  @Test
  @EnabledIfSystemProperty(named = "impactsim.heavy", matches = "true")
  void aMillionSyntheticEventsArriveExactlyOnce(KafkaEnvironment env) {
    publishAndCountBack(env, 1_000_000, 200);
  }

  private static void publishAndCountBack(KafkaEnvironment env, long events, int companies) {
    KafkaSettings settings = env.settings(env.uniqueName("synthetic"));
    TopicCatalog topics = settings.topics(settings.schemaRegistry());
    SyntheticMarket market = new SyntheticMarket(SyntheticConfig.of(events, companies, 42));

    PublishReport report;
    try (EventPublisher publisher =
        new EventPublisher(settings, topics, PublisherOptions.defaults())) {
      report = publisher.publish(market, market.size());
    }
    long readStart = System.nanoTime();
    Set<String> ids = new HashSet<>();
    ids.addAll(assertCount(settings, topics, EventType.DEAL, report));
    ids.addAll(assertCount(settings, topics, EventType.RESTRUCTURING, report));
    ids.addAll(assertCount(settings, topics, EventType.EARNINGS, report));
    ids.addAll(assertCount(settings, topics, EventType.COMPANY, report));
    double readSeconds = (System.nanoTime() - readStart) / 1e9;

    assertThat(report.total()).isEqualTo(events);
    assertThat(ids).hasSize((int) events);
    System.out.printf(
        "synthetic publish: %s; read back in %.2f s%n", report.summary(), readSeconds);
  }

  private static Set<String> assertCount(
      KafkaSettings settings, TopicCatalog topics, EventType type, PublishReport report) {
    Set<String> ids = Clusters.eventIds(settings, type.topicIn(topics));
    assertThat(ids).as(type.fileName()).hasSize((int) report.confirmed(type));
    return ids;
  }
}
