package io.impactsim.sandbox.junit;

import io.impactsim.topics.config.KafkaSettings;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A Kafka cluster and a Confluent-compatible schema registry that tests run against, whichever kind
 * {@link KafkaSandboxExtension} chose. Shared by all tests of a JVM: isolate tests by naming
 * topics, subjects and groups with {@link #uniqueName(String)}.
 */
public interface KafkaEnvironment {

  String bootstrapServers();

  /** Base URL of the Confluent-compatible registry API. */
  String schemaRegistryUrl();

  /**
   * Settings any Kafka client needs to reach the cluster: {@code bootstrap.servers} plus security
   * settings, if the cluster has any. A fresh mutable copy on each call.
   */
  Map<String, Object> clientProperties();

  /** A name no other call in this JVM returns, starting with {@code prefix}. */
  String uniqueName(String prefix);

  /** Creates the topics and waits until each of their partitions has a leader. */
  void createTopics(NewTopic... topics);

  /** impactsim's settings for this environment, in the topic namespace {@code topicPrefix}. */
  default KafkaSettings settings(String topicPrefix) {
    Map<String, String> extra = new TreeMap<>();
    clientProperties()
        .forEach(
            (k, v) -> {
              if (!k.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                extra.put(k, String.valueOf(v));
              }
            });
    return new KafkaSettings(bootstrapServers(), schemaRegistryUrl(), extra, topicPrefix);
  }
}
