package io.impactsim.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers which cluster an application's local state was built from. State built against another
 * cluster (a new sandbox, say) must not be reused: Kafka Streams would trust stores whose
 * changelogs no longer exist, and de-duplication would drop every event it had seen there.
 */
final class LocalState {
  private final Path marker;

  LocalState(Path stateDir, String applicationId) {
    this.marker = stateDir.resolve(applicationId + ".cluster-id");
  }

  /** Whether the local state, if any, was built from the given cluster. */
  boolean builtFrom(String clusterId) {
    try {
      return Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(clusterId);
    } catch (IOException e) {
      return false;
    }
  }

  /** Records that the local state is now built from the given cluster. */
  void claimFor(String clusterId) {
    try {
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, clusterId + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
  }
}
