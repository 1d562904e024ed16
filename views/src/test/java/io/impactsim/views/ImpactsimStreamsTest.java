package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.config.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaSandboxTest
class ImpactsimStreamsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path stateDir;

  @Test
  void localStateBuiltFromAnotherClusterIsDiscardedAtStart(KafkaEnvironment env) throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("state"));
    StreamsOptions options = StreamsOptions.defaults().withStateDir(stateDir);
    String applicationId = options.applicationIdFor(settings.topicPrefix());
    Path stale = stateDir.resolve(applicationId).resolve("0_0").resolve("stale");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "from another cluster");
    Path marker = stateDir.resolve(applicationId + ".cluster-id");
    Files.writeString(marker, "another-cluster");

    try (ImpactsimStreams app = new ImpactsimStreams(settings, options)) {
      app.start(TIMEOUT);

      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(stale).doesNotExist();
      assertThat(Files.readString(marker, StandardCharsets.UTF_8).strip())
          .isNotBlank()
          .isNotEqualTo("another-cluster");
    }
  }

  @Test
  void viewSubjectsAreBackwardTransitiveBeforeTheirFirstRecord(KafkaEnvironment env)
      throws Exception {
    KafkaSettings settings = env.settings(env.uniqueName("subjects"));
    StreamsOptions options = StreamsOptions.defaults().withStateDir(stateDir);

    try (ImpactsimStreams app = new ImpactsimStreams(settings, options);
        SchemaRegistry registry = settings.schemaRegistry()) {
      app.start(TIMEOUT);

      for (var view : app.topics().views()) {
        String subject = view.name() + "-value";
        assertThat(registry.compatibility(subject))
            .as(subject)
            .contains(CompatibilityLevel.BACKWARD_TRANSITIVE);
      }
    }
  }
}
