package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.tools.WhatIfBranches;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: instances of the streams application sharing one application id on the sandbox,
 * each with its own view server (serving the what-if branches next to it), fed the bundled 2025
 * history.
 */
final class ServedHistory implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  final KafkaSettings settings;
  final List<ImpactsimStreams> apps = new ArrayList<>();
  final List<ViewServer> servers = new ArrayList<>();

  private ServedHistory(KafkaSettings settings) {
    this.settings = settings;
  }

  /** Starts {@code instances} instances, then publishes the bundled history once. */
  static ServedHistory start(KafkaEnvironment env, Path stateDir, int instances) throws Exception {
    ServedHistory served = new ServedHistory(env.settings(env.uniqueName("served")));
    try {
      for (int i = 0; i < instances; i++) {
        served.addInstance(stateDir.resolve("instance-" + i));
      }
      // Profiles first, held by every instance before any event is priced (docs/reliability.md).
      List<InputEvent> history = BundledHistory.load();
      List<InputEvent> profiles =
          history.stream().filter(e -> e.type() == EventType.COMPANY).toList();
      served.publish(profiles);
      long companies = profiles.stream().map(InputEvent::key).distinct().count();
      for (ImpactsimStreams app : served.apps) {
        await().atMost(TIMEOUT).until(() -> app.companiesHeld() == companies);
      }
      served.publish(history.stream().filter(e -> e.type() != EventType.COMPANY).toList());
      served.apps.get(0).awaitCaughtUp(TIMEOUT);
      return served;
    } catch (Exception | Error e) {
      served.close();
      throw e;
    }
  }

  private void addInstance(Path stateDir) throws Exception {
    ServeOptions serve = ServeOptions.onFreePort("127.0.0.1");
    StreamsOptions options =
        StreamsOptions.defaults().withStateDir(stateDir).withOverrides(serve.streamsOverrides());
    ImpactsimStreams app = new ImpactsimStreams(settings, options);
    apps.add(app);
    app.start(TIMEOUT);
    servers.add(
        new ViewServer(app, settings, serve).withBranches(new WhatIfBranches(settings)).start());
  }

  private void publish(List<InputEvent> history) throws Exception {
    try (SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults())) {
      assertThat(publisher.publish(history).total()).isEqualTo(history.size());
    }
  }

  @Override
  public void close() {
    servers.forEach(ViewServer::close);
    apps.forEach(ImpactsimStreams::close);
  }
}
