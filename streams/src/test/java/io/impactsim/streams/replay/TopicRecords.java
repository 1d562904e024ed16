package io.impactsim.streams.replay;

import io.impactsim.schemas.config.KafkaSettings;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.streams.serve.AvroJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every committed record of a topic, partition by partition in offset order, decoded to {@code
 * key=json} text so that two namespaces' topics (whose schema ids may differ) compare by content.
 */
final class TopicRecords {
  private TopicRecords() {}

  static <V extends SpecificRecord> Map<Integer, List<String>> read(
      KafkaSettings settings, Topic<String, V> topic, Duration timeout) {
    Properties props = settings.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<Integer, List<String>> out = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      partitions.forEach(p -> out.put(p.partition(), new ArrayList<>()));
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          V value = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
          String key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
          out.get(r.partition()).add(key + "=" + (value == null ? null : AvroJson.toJson(value)));
        }
      }
    }
    return out;
  }
}
