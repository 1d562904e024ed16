package io.impactsim.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.read.ViewSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A live namespace of its own holding the bundled 2025 history and the views built from it. */
record LiveHistory(KafkaSettings settings, StreamsOptions options, ViewSet views) {
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  /** Publishes the bundled history, runs the live application until caught up, and stops it. */
  static LiveHistory publish(KafkaEnvironment env, String name, Path stateDir) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName(name));
    StreamsOptions options = StreamsOptions.defaults().withStateDir(stateDir);
    List<InputEvent> history = BundledHistory.load();
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      assertThat(publisher.publish(history).total()).isEqualTo(history.size());
    }
    try (ImpactsimStreams app = new ImpactsimStreams(settings, options)) {
      app.start(TIMEOUT);
      app.awaitCaughtUp(TIMEOUT);
      Replay.stop(app);
    }
    return new LiveHistory(settings, options, ViewSet.read(settings, TIMEOUT));
  }

  /** A namespace of a kind next to this live one. */
  Namespace namespace(String kind, String name) {
    return Namespace.of(settings, options, kind, name);
  }
}
