package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.ViewReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled 2025 history through the producer and all four views on a real broker. */
@KafkaSandboxTest
class BundledHistoryEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path stateDir;

  @Test
  void bundledHistoryGivesStableViewsWhenPublishedTwice(KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("bundled"));
    List<InputEvent> history = BundledHistory.load();
    try (ImpactsimStreams app =
        new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir))) {
      app.start(TIMEOUT);
      // Profiles first, held by the application before any event (docs/reliability.md).
      List<InputEvent> profiles =
          history.stream().filter(e -> e.type() == EventType.COMPANY).toList();
      publish(settings, profiles);
      long companies = profiles.stream().map(InputEvent::key).distinct().count();
      await().atMost(TIMEOUT).until(() -> app.companiesHeld() == companies);
      publish(settings, history.stream().filter(e -> e.type() != EventType.COMPANY).toList());
      app.awaitCaughtUp(TIMEOUT);
      Views first = Views.read(settings, app.topics());

      MarketShareSnapshot cloud = first.share().get("ai-compute-cloud|ALL");
      assertThat(cloud.getTotalCommittedUsd()).isEqualTo(338_000_000_000L);
      assertThat(cloud.getExcludedDealCount()).isEqualTo(1);
      assertThat(cloud.getEntries())
          .extracting(MarketShareEntry::getProvider)
          .containsExactly("oracle", "amazon");
      assertThat(first.share().get("ai-infrastructure|ALL").getEntries()).isEmpty();
      CapexCommitments openai = first.capex().get("openai");
      assertThat(openai.getCommittedAsBuyerUsd()).isEqualTo(338_000_000_000L);
      assertThat(openai.getHeadlineCommitments()).hasSize(1);
      assertThat(first.capex().get("amazon").getLatestFiscalPeriod()).isEqualTo("2025-Q3");
      assertThat(first.reactions()).isNotEmpty();
      assertThat(first.marketCap()).containsKey("openai");

      publish(settings, history);
      app.awaitCaughtUp(TIMEOUT);

      assertThat(Views.read(settings, app.topics())).isEqualTo(first);
      try (Admin admin = Admin.create(settings.kafkaProperties())) {
        // The query API's stores restore from the view topics; they write no changelog.
        assertThat(admin.listTopics().names().get())
            .anyMatch(t -> t.startsWith(app.applicationId() + "-view-totals"))
            .noneMatch(t -> t.startsWith(app.applicationId() + "-served-"));
      }
    }
  }

  private static void publish(KafkaSettings settings, List<InputEvent> history) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      assertThat(publisher.publish(history).total()).isEqualTo(history.size());
    }
  }

  /** The four views as maps of their latest value per key. */
  private record Views(
      Map<String, MarketShareSnapshot> share,
      Map<String, CapexCommitments> capex,
      Map<String, ?> reactions,
      Map<String, ?> marketCap) {

    static Views read(KafkaSettings settings, TopicCatalog topics) throws TimeoutException {
      return new Views(
          ViewReader.read(settings, topics.marketShare(), TIMEOUT),
          ViewReader.read(settings, topics.capex(), TIMEOUT),
          ViewReader.read(settings, topics.marketCapReactions(), TIMEOUT),
          ViewReader.read(settings, topics.marketCap(), TIMEOUT));
    }
  }
}
