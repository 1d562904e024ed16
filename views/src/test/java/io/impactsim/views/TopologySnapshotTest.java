package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Compares the topology's description with the checked-in snapshot, so that renaming a processor,
 * store or internal topic is a deliberate, reviewed change. After such a change, regenerate it with
 * {@code ./mvnw -pl streams -am verify -Dimpactsim.updateSnapshots=true} and review the diff.
 */
class TopologySnapshotTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/topology-snapshot.txt");

  @Test
  void topologyMatchesTheCheckedInSnapshot() throws IOException {
    TopicCatalog topics = TopicCatalog.create("impactsim", new InMemorySchemaRegistry(), false);
    String described = ImpactsimTopology.build(TopologySettings.of(topics)).describe().toString();

    if (Boolean.getBoolean("impactsim.updateSnapshots")) {
      Files.writeString(SNAPSHOT, described, StandardCharsets.UTF_8);
    }

    assertThat(described).isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
  }
}
