package io.impactsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of the Docker stack under {@code docker/}, parsed as the tools that read them do. */
final class DockerStackFiles {
  static final String APP_DOCKERFILE = "docker/Dockerfile";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  private DockerStackFiles(Path root) {
    this.root = root;
  }

  /** The stack of the repository this test runs in (from the module or the repository root). */
  static DockerStackFiles ofRepository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docker/compose.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no docker/compose.yaml above " + Path.of("").toAbsolutePath());
    }
    return new DockerStackFiles(dir);
  }

  Path root() {
    return root;
  }

  JsonNode compose() {
    return yaml("docker/compose.yaml");
  }

  JsonNode prometheus() {
    return yaml("docker/prometheus/prometheus.yml");
  }

  JsonNode grafanaDatasources() {
    return yaml("docker/grafana/provisioning/datasources/prometheus.yaml");
  }

  JsonNode grafanaDashboardProviders() {
    return yaml("docker/grafana/provisioning/dashboards/impactsim.yaml");
  }

  JsonNode dashboard() {
    try {
      return JSON.readTree(root.resolve("docker/grafana/dashboards/impactsim.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the stack with its text, by path relative to the repository root. */
  Map<String, String> allTexts() {
    Map<String, String> texts = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root.resolve("docker"))) {
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(
              f -> texts.put(root.relativize(f).toString(), text(root.relativize(f).toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  /** The services built from the application's Dockerfile, by name. */
  Map<String, JsonNode> appServices() {
    Map<String, JsonNode> services = new LinkedHashMap<>();
    compose()
        .path("services")
        .properties()
        .forEach(
            e -> {
              if (APP_DOCKERFILE.equals(e.getValue().path("build").path("dockerfile").asText())) {
                services.put(e.getKey(), e.getValue());
              }
            });
    return services;
  }

  /** The application services whose command is {@code subcommand}. */
  Map<String, JsonNode> appServicesRunning(String subcommand) {
    Map<String, JsonNode> services = new LinkedHashMap<>();
    appServices()
        .forEach(
            (name, service) -> {
              if (command(service).get(0).equals(subcommand)) {
                services.put(name, service);
              }
            });
    return services;
  }

  static List<String> command(JsonNode service) {
    List<String> args = new ArrayList<>();
    service.path("command").forEach(a -> args.add(a.asText()));
    return args;
  }

  /** A service's environment (compose accepts a map; this stack uses maps only). */
  static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    service
        .path("environment")
        .properties()
        .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }

  private JsonNode yaml(String relative) {
    try {
      return YAML.readTree(root.resolve(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
