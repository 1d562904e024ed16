package io.impactsim.views.read;

import io.impactsim.topics.Topic;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a view topic from its beginning to its current end, committed transactions only, and
 * returns the latest value of every key: the view as a map, for the demo, tests and comparisons of
 * a rebuild with the live view.
 */
public final class ViewReader {
  private static final Duration POLL = Duration.ofMillis(100);

  private ViewReader() {}

  /**
   * The latest value per key of a topic, in key order; a tombstone removes its key.
   *
   * @throws TimeoutException if the end is not reached within the timeout
   */
  public static <V> Map<String, V> read(
      KafkaSettings settings, Topic<String, V> topic, Duration timeout) throws TimeoutException {
    Map<String, V> latest = new TreeMap<>();
    scan(
        settings,
        topic,
        timeout,
        (partition, key, value) -> {
          if (value == null) {
            latest.remove(key);
          } else {
            latest.put(key, value);
          }
        });
    return latest;
  }

  /**
   * Hands every committed record of a topic, from its beginning to its end at the time of the call,
   * to {@code visitor}, in offset order within each partition.
   *
   * @throws TimeoutException if the end is not reached within the timeout
   */
  public static <V> void scan(
      KafkaSettings settings, Topic<String, V> topic, Duration timeout, RecordVisitor<V> visitor)
      throws TimeoutException {
    scanRaw(
        settings,
        topic.name(),
        timeout,
        r ->
            visitor.visit(
                r.partition(),
                topic.keySerde().deserializer().deserialize(r.topic(), r.key()),
                topic.valueSerde().deserializer().deserialize(r.topic(), r.value())));
  }

  /**
   * Hands every committed record of a topic, undecoded, from its beginning to its end at the time
   * of the call, to {@code visitor}, in offset order within each partition.
   *
   * @throws TimeoutException if the end is not reached within the timeout
   */
  public static void scanRaw(
      KafkaSettings settings,
      String topic,
      Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> visitor)
      throws TimeoutException {
    Properties props = settings.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("did not reach the end of " + topic + " in " + timeout);
        }
        consumer.poll(POLL).forEach(visitor);
      }
    }
  }

  /** Receives the decoded records of a scan; a null value is a tombstone. */
  @FunctionalInterface
  public interface RecordVisitor<V> {
    void visit(int partition, String key, V value);
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
