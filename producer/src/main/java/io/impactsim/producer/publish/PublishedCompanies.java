package io.impactsim.producer.publish;

import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ids of the companies already on a namespace's companies topic, so a history may refer to them
 * without repeating their profiles. Reads only keys: the topic is keyed by company id.
 */
public final class PublishedCompanies {
  private PublishedCompanies() {}

  /** The company ids on the topic now; empty if the topic does not exist. */
  public static Set<String> read(KafkaSettings settings, TopicCatalog topics, Duration timeout)
      throws TimeoutException {
    Properties p = settings.kafkaProperties();
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Looking must not create the topic, or it would lack the catalogue's compaction.
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    Set<String> ids = new TreeSet<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topics.companies().name(), timeout);
      if (infos == null || infos.isEmpty()) {
        return ids;
      }
      List<TopicPartition> partitions =
          infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Instant deadline = Instant.now().plus(timeout);
      while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
        if (Instant.now().isAfter(deadline)) {
          throw new TimeoutException(
              "reading " + topics.companies().name() + " took over " + timeout);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          // A tombstone deletes a company from the compacted topic.
          if (r.value() == null) {
            ids.remove(r.key());
          } else {
            ids.add(r.key());
          }
        }
      }
    }
    return ids;
  }
}
