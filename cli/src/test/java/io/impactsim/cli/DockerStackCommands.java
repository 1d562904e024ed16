package io.impactsim.cli;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the {@code impactsim} command reads from the environment, taken from its picocli model: each
 * option whose default is {@code ${env:IMPACTSIM_X:-default}} reads {@code IMPACTSIM_X}.
 */
final class DockerStackCommands {
  private static final Pattern ENV_DEFAULT =
      Pattern.compile("\\$\\{env:(IMPACTSIM_[A-Z0-9_]+)(?::-([^}]*))?}");

  private DockerStackCommands() {}

  /**
   * The options of a subcommand (inherited connection options included) that read an environment
   * variable, by variable name.
   */
  static Map<String, EnvOption> environmentOf(String subcommand) {
    CommandLine root = Impactsim.commandLine();
    // Without interpolation the model keeps the defaults as written, ${env:...} included.
    root.setInterpolateVariables(false);
    CommandLine command = root.getSubcommands().get(subcommand);
    if (command == null) {
      throw new IllegalArgumentException("impactsim has no subcommand '" + subcommand + "'");
    }
    Map<String, EnvOption> env = new TreeMap<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      String raw = option.defaultValue();
      if (raw == null) {
        continue;
      }
      Matcher m = ENV_DEFAULT.matcher(raw);
      if (m.matches()) {
        env.put(
            m.group(1),
            new EnvOption(option.longestName(), m.group(1), Optional.ofNullable(m.group(2))));
      }
    }
    return env;
  }

  /**
   * The environment variable an option reads, or empty if the option does not exist or reads none.
   */
  static Optional<EnvOption> option(String subcommand, String name) {
    return environmentOf(subcommand).values().stream()
        .filter(o -> o.name().equals(name))
        .findFirst();
  }

  /**
   * An option that can come from the environment.
   *
   * @param name the option, e.g. {@code --http-port}
   * @param variable the environment variable, e.g. {@code IMPACTSIM_HTTP_PORT}
   * @param defaultValue the value when neither is given
   */
  record EnvOption(String name, String variable, Optional<String> defaultValue) {}
}
