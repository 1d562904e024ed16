package io.impactsim.views;

import io.impactsim.topics.config.KafkaSettings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a store's changelog (committed transactions only) and tells how many keys currently hold
 * a value. Each call reads only what was written since the last one, so that asking often stays
 * cheap however long the changelog has grown. A missing topic holds no keys.
 */
final class ChangelogTail implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(50);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Set<ByteBuffer> live = new HashSet<>();
  private List<TopicPartition> partitions;

  ChangelogTail(KafkaSettings settings, String topic) {
    this.topic = topic;
    Properties props = settings.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Keys whose latest record is not a tombstone, after reading to the current end. */
  int liveKeys(Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (partitions == null) {
      List<TopicPartition> found =
          consumer.listTopics(timeout).getOrDefault(topic, List.of()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (found.isEmpty()) {
        return 0;
      }
      partitions = found;
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("did not reach the end of " + topic + " in " + timeout);
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        ByteBuffer key = ByteBuffer.wrap(r.key());
        if (r.value() == null) {
          live.remove(key);
        } else {
          live.add(key);
        }
      }
    }
    return live.size();
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
