package io.impactsim.cli;

import io.impactsim.views.StreamsOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which streams application a command runs or acts on, and where it keeps local state. */
final class ApplicationOptions {
  @Option(
      names = "--application-id",
      defaultValue = "${env:IMPACTSIM_APPLICATION_ID}",
      description =
          "Kafka Streams application id (env IMPACTSIM_APPLICATION_ID; default:"
              + " <topic-prefix>-views).")
  String applicationId;

  @Option(
      names = "--state-dir",
      defaultValue = "${env:IMPACTSIM_STATE_DIR}",
      description =
          "Directory of local state (env IMPACTSIM_STATE_DIR; default: ~/.impactsim/state).")
  Path stateDir;

  /** The options with the application id and state directory given on the command line. */
  StreamsOptions applyTo(StreamsOptions options) {
    if (applicationId != null && !applicationId.isBlank()) {
      options = options.withApplicationId(applicationId);
    }
    if (stateDir != null) {
      options = options.withStateDir(stateDir);
    }
    return options;
  }
}
