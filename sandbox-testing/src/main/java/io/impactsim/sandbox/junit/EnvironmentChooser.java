package io.impactsim.sandbox.junit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which cluster the tests of this JVM use, from settings read as system properties or
 * environment variables: an external cluster when {@value #BOOTSTRAP_SERVERS} is set, a
 * Testcontainers broker when {@value #TEST_KAFKA} is {@code testcontainers} and Docker is there,
 * the in-process sandbox otherwise.
 */
final class EnvironmentChooser {
  static final String BOOTSTRAP_SERVERS = "IMPACTSIM_BOOTSTRAP_SERVERS";
  static final String SCHEMA_REGISTRY_URL = "IMPACTSIM_SCHEMA_REGISTRY_URL";
  static final String CLIENT_CONFIG = "IMPACTSIM_CLIENT_CONFIG";
  static final String TEST_KAFKA = "IMPACTSIM_TEST_KAFKA";
  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentChooser.class);

  private final UnaryOperator<String> settings;

  /**
   * @param settings the value of a setting by name, or null when it is not set
   */
  EnvironmentChooser(UnaryOperator<String> settings) {
    this.settings = settings;
  }

  /** Reads settings from system properties first, then from environment variables. */
  static EnvironmentChooser fromSystem() {
    return new EnvironmentChooser(
        name -> {
          String value = System.getProperty(name);
          return value != null ? value : System.getenv(name);
        });
  }

  SharedEnvironment start() {
    String bootstrap = setting(BOOTSTRAP_SERVERS);
    if (bootstrap != null) {
      return external(bootstrap);
    }
    if ("testcontainers".equalsIgnoreCase(setting(TEST_KAFKA))) {
      if (TestcontainersEnvironment.dockerAvailable()) {
        return TestcontainersEnvironment.start();
      }
      LOG.warn(
          "{}=testcontainers but no Docker engine answers; using the in-process sandbox",
          TEST_KAFKA);
    }
    return InProcessEnvironment.start();
  }

  ExternalEnvironment external(String bootstrap) {
    String registry = setting(SCHEMA_REGISTRY_URL);
    if (registry == null) {
      throw new IllegalStateException(
          BOOTSTRAP_SERVERS
              + " is set but "
              + SCHEMA_REGISTRY_URL
              + " is not: an external cluster needs both");
    }
    String clientConfig = setting(CLIENT_CONFIG);
    Map<String, Object> security = clientConfig == null ? Map.of() : load(Path.of(clientConfig));
    return new ExternalEnvironment(bootstrap, registry, security);
  }

  private String setting(String name) {
    String value = settings.apply(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Map<String, Object> load(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the client settings named by " + CLIENT_CONFIG + ": " + file, e);
    }
    Map<String, Object> out = new HashMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
    return out;
  }
}
