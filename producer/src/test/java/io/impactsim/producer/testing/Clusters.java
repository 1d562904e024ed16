package io.impactsim.producer.testing;

import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.topics.Topic;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.topics.serde.RegistryAvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Settings and read-back helpers for tests on the sandbox cluster. */
public final class Clusters {
  private Clusters() {}

  /** Every record of a topic, read from the beginning to the end offsets at the time of call. */
  public static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(
      KafkaSettings settings, Topic<String, V> topic) {
    List<ConsumerRecord<String, V>> out = new ArrayList<>();
    forEachRecord(settings, topic, out::add);
    return out;
  }

  private static <V extends SpecificRecord> void forEachRecord(
      KafkaSettings settings, Topic<String, V> topic, Consumer<ConsumerRecord<String, V>> use) {
    Properties p = settings.kafkaProperties();
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    RegistryAvroSerde<V> serde = (RegistryAvroSerde<V>) topic.valueSerde();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), serde.deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Awaitility.await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(use);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
              });
    }
  }

  /**
   * Reads a topic to its end offsets keeping only each record's event id, so a million records fit
   * in memory; fails if an id shows up twice or a timestamp differs from the event time.
   */
  public static <V extends SpecificRecord> Set<String> eventIds(
      KafkaSettings settings, Topic<String, V> topic) {
    Set<String> ids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    forEachRecord(
        settings,
        topic,
        r -> {
          EventMetadata meta = InputEvent.of(r.value()).meta();
          if (!ids.add(meta.getEventId())) {
            problems.add("duplicate " + meta.getEventId());
          }
          if (r.timestamp() != meta.getOccurredAt().toEpochMilli()) {
            problems.add("timestamp of " + meta.getEventId() + " is not its event time");
          }
        });
    if (!problems.isEmpty()) {
      throw new AssertionError(
          topic.name() + ": " + problems.subList(0, Math.min(10, problems.size())));
    }
    return ids;
  }
}
