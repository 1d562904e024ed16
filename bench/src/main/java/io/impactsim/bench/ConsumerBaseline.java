package io.impactsim.bench;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Contender A, the ceiling: one plain consumer reading the event topics from the start and decoding
 * every key and Avro value, with nothing else to do.
 */
final class ConsumerBaseline {
  private static final Duration POLL = Duration.ofMillis(100);

  private ConsumerBaseline() {}

  /** Reads and decodes {@code expected} events; times from the first poll to the last record. */
  static Throughput.Run run(
      KafkaSettings settings, TopicCatalog topics, String groupId, long expected, Duration timeout)
      throws TimeoutException {
    Properties p = settings.kafkaProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<Topic<String, ?>> sources = EventTopics.of(topics);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      Map<String, Deserializer<?>> values = new HashMap<>();
      for (Topic<String, ?> t : sources) {
        values.put(t.name(), t.valueSerde().deserializer());
        consumer
            .partitionsFor(t.name())
            .forEach(i -> partitions.add(new TopicPartition(t.name(), i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Deserializer<String> keys = new StringDeserializer();
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      long decoded = 0;
      while (decoded < expected) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          decode(keys, r.topic(), r.key());
          decode(values.get(r.topic()), r.topic(), r.value());
          decoded++;
        }
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(
              "the plain consumer read " + decoded + " of " + expected + " events in " + timeout);
        }
      }
      return new Throughput.Run(decoded, Duration.ofNanos(System.nanoTime() - start), Map.of());
    }
  }

  private static void decode(Deserializer<?> deserializer, String topic, byte[] data) {
    if (deserializer.deserialize(topic, data) == null) {
      throw new IllegalStateException("an event on " + topic + " decoded to nothing");
    }
  }
}
