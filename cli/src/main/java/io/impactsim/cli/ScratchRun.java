package io.impactsim.cli;

import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.topics.config.KafkaSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.utils.Utils;

/**
 * How the benchmarks run: on the cluster of the connection options, or on an embedded broker and
 * registry that live as long as the run; either way with a scratch state directory under {@code
 * ~/.impactsim} (not the OS temp directory, which the OS may clear under a running application),
 * deleted afterwards, and in a namespace of their own, so that reruns on one cluster never read
 * each other's topics.
 */
final class ScratchRun {
  /** What runs, given where and with which state directory. */
  interface Body<T> {
    T run(KafkaSettings settings, Path stateDir) throws Exception;
  }

  private ScratchRun() {}

  static <T> T run(
      ConnectionOptions connection, boolean useCluster, String name, PrintStream out, Body<T> body)
      throws Exception {
    Path home = Files.createDirectories(Path.of(System.getProperty("user.home"), ".impactsim"));
    Path state = Files.createTempDirectory(home, name + "-state-");
    try {
      if (useCluster) {
        return body.run(namespaced(connection.settings(), name), state);
      }
      out.println("Starting an embedded Kafka broker and schema registry...");
      try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
        KafkaSettings settings =
            connection.settings(sandbox.bootstrapServers(), sandbox.schemaRegistryUrl());
        return body.run(namespaced(settings, name), state);
      }
    } finally {
      Utils.delete(state.toFile());
    }
  }

  private static KafkaSettings namespaced(KafkaSettings settings, String name) {
    return settings.withTopicPrefix(
        settings.topicPrefix() + "-" + name + "-" + Long.toString(System.currentTimeMillis(), 36));
  }
}
