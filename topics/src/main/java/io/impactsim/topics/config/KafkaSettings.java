package io.impactsim.topics.config;

import io.impactsim.schemas.registry.RegistryClientConfig;
import io.impactsim.schemas.registry.RestSchemaRegistry;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where impactsim's Kafka and schema registry are, plus any client settings (security, timeouts)
 * that every Kafka client and the registry client must carry. Built once by the command line and
 * handed to the producer and the streams application.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param schemaRegistryUrl base URL of a Confluent-compatible schema registry
 * @param clientProperties extra client settings passed to every Kafka client (e.g. {@code
 *     security.protocol}, {@code sasl.jaas.config}) and, under Confluent's names, to the registry
 *     client
 * @param topicPrefix namespace of the topics, {@link TopicCatalog#DEFAULT_PREFIX} for the live one
 */
public record KafkaSettings(
    String bootstrapServers,
    String schemaRegistryUrl,
    Map<String, String> clientProperties,
    String topicPrefix) {

  public KafkaSettings {
    clientProperties = Map.copyOf(clientProperties);
  }

  /** Settings for a cluster without extra client properties, in the live namespace. */
  public static KafkaSettings of(String bootstrapServers, String schemaRegistryUrl) {
    return new KafkaSettings(
        bootstrapServers, schemaRegistryUrl, Map.of(), TopicCatalog.DEFAULT_PREFIX);
  }

  /** The same cluster, in another topic namespace. */
  public KafkaSettings withTopicPrefix(String prefix) {
    return new KafkaSettings(bootstrapServers, schemaRegistryUrl, clientProperties, prefix);
  }

  /** Reads a Kafka client properties file (e.g. security settings) into a map. */
  public static Map<String, String> readPropertiesFile(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      props.load(in);
    }
    Map<String, String> out = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
    return out;
  }

  /** Base properties of any Kafka client: the extra settings plus the bootstrap servers. */
  public Properties kafkaProperties() {
    Properties props = new Properties();
    clientProperties.forEach(
        (k, v) -> {
          if (!k.startsWith("schema.registry.") && !k.startsWith("basic.auth.")) {
            props.put(k, v);
          }
        });
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  /** A client of the configured registry. */
  public SchemaRegistry schemaRegistry() {
    return new RestSchemaRegistry(
        RegistryClientConfig.fromProperties(schemaRegistryUrl, clientProperties));
  }

  /** The topic catalogue of this namespace, with serdes backed by the given registry. */
  public TopicCatalog topics(SchemaRegistry registry) {
    return TopicCatalog.create(topicPrefix, registry, true);
  }
}
