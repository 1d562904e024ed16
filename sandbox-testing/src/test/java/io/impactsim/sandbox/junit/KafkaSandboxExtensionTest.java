package io.impactsim.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.Records;
import io.impactsim.schemas.registry.RegistryClientConfig;
import io.impactsim.schemas.registry.RestSchemaRegistry;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@KafkaSandboxTest
class KafkaSandboxExtensionTest {

  @Test
  void aTestGetsAWorkingClusterAndRegistry(KafkaEnvironment env) throws Exception {
    String topic = env.uniqueName("extension");
    env.createTopics(new NewTopic(topic, Optional.of(3), Optional.empty()));

    Records.produce(env.clientProperties(), topic, Map.of("a", "1", "b", "2", "c", "3"));

    assertThat(Records.consume(env.clientProperties(), topic, 3))
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder("1", "2", "3");
    assertThat(new RestSchemaRegistry(RegistryClientConfig.of(env.schemaRegistryUrl())).subjects())
        .isNotNull();
  }

  @Test
  void everyTestOfTheRunSharesOneEnvironment(KafkaEnvironment first, KafkaEnvironment second) {
    assertThat(first).isSameAs(second);
    assertThat(first.clientProperties())
        .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers());
  }

  @Test
  void uniqueNamesNeverRepeat(KafkaEnvironment env) {
    assertThat(env.uniqueName("t")).startsWith("t-").isNotEqualTo(env.uniqueName("t"));
  }
}
