package io.impactsim.cli;

import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the cluster and the registry are; shared by every subcommand. Each option can also come
 * from an {@code IMPACTSIM_*} environment variable.
 */
public final class ConnectionOptions {
  /** Where {@code impactsim sandbox} listens by default, and so where commands look first. */
  public static final String DEFAULT_BOOTSTRAP = "localhost:9092";

  public static final String DEFAULT_REGISTRY = "http://localhost:8081";

  @Option(
      names = "--bootstrap-servers",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:IMPACTSIM_BOOTSTRAP_SERVERS:-" + DEFAULT_BOOTSTRAP + "}",
      description =
          "Kafka bootstrap servers (env IMPACTSIM_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:IMPACTSIM_SCHEMA_REGISTRY_URL:-" + DEFAULT_REGISTRY + "}",
      description =
          "Confluent-compatible schema registry URL (env IMPACTSIM_SCHEMA_REGISTRY_URL;"
              + " default: ${DEFAULT-VALUE}).")
  String schemaRegistryUrl;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      defaultValue = "${env:IMPACTSIM_CONFIG}",
      description =
          "Kafka client properties file applied to every client, e.g. security.protocol,"
              + " sasl.jaas.config, ssl.*; schema.registry.* and basic.auth.* keys configure the"
              + " registry client (env IMPACTSIM_CONFIG).")
  Path configFile;

  @Option(
      names = "--topic-prefix",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:IMPACTSIM_TOPIC_PREFIX:-" + TopicCatalog.DEFAULT_PREFIX + "}",
      description =
          "Namespace of the topics (env IMPACTSIM_TOPIC_PREFIX; default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  /** The settings these options describe. */
  public KafkaSettings settings() {
    Map<String, String> extra = Map.of();
    if (configFile != null) {
      try {
        extra = KafkaSettings.readPropertiesFile(configFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read --config file " + configFile, e);
      }
    }
    return new KafkaSettings(bootstrapServers, schemaRegistryUrl, extra, topicPrefix);
  }

  /** The same options pointed at another cluster (e.g. the embedded sandbox). */
  public KafkaSettings settings(String bootstrap, String registryUrl) {
    KafkaSettings s = settings();
    return new KafkaSettings(bootstrap, registryUrl, s.clientProperties(), s.topicPrefix());
  }
}
