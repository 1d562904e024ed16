package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsConfigTest {
  @TempDir Path stateDir;

  /**
   * A broker away for 90 s made a send wait 60 s for metadata and give up, which marked a task
   * corrupted in a transaction it shares with the thread's other tasks (docs/reliability.md, "A
   * broker restart, as seen in the runs"). Under exactly-once the producer's batches never expire,
   * so its one other limit, on a blocked send or commit, must not be the first to give up.
   */
  @Test
  void theTransactionalProducerWaitsOnASendAsLongAsKafkaStreamsWaitsOnATask() {
    TopicCatalog topics = TopicCatalog.create("test", new InMemorySchemaRegistry(), true);
    KafkaSettings settings = new KafkaSettings("unused:9092", "mock://registry", Map.of(), "test");
    StreamsOptions options = StreamsOptions.defaults().withStateDir(stateDir);

    for (Properties props :
        new Properties[] {
          ImpactsimStreams.config(settings, options, topics),
          ImpactsimStreams.profileGateConfig(settings, options, topics)
        }) {
      StreamsConfig streams = new StreamsConfig(props);
      ProducerConfig producer = producerOf(streams);

      assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
          .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
      assertThat(producer.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
          .isEqualTo(Integer.MAX_VALUE);
      assertThat(producer.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG))
          .isGreaterThanOrEqualTo(streams.getLong(StreamsConfig.TASK_TIMEOUT_MS_CONFIG));
    }
  }

  /** The settings Kafka Streams gives the producer it creates (with the serializers it adds). */
  private static ProducerConfig producerOf(StreamsConfig streams) {
    Map<String, Object> producer = new HashMap<>(streams.getProducerConfigs("client"));
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new ProducerConfig(producer);
  }
}
