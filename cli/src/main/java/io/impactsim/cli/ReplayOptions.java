package io.impactsim.cli;

import io.impactsim.views.StreamsOptions;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by reset, rebuild, replay and whatif: where the live application keeps state. */
final class ReplayOptions {
  @Mixin ApplicationOptions application;

  @Option(
      names = "--timeout",
      defaultValue = "PT5M",
      description =
          "How long each step may take (copy, start, processing), ISO-8601 (default:"
              + " ${DEFAULT-VALUE}).")
  Duration timeout;

  /** The live application's options. */
  StreamsOptions liveOptions() {
    return application.applyTo(StreamsOptions.defaults());
  }
}
