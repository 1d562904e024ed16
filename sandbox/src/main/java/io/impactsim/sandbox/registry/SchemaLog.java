package io.impactsim.sandbox.registry;

import io.impactsim.topics.TopicAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The registry's durable storage: a compacted single-partition topic. On open it is read from the
 * beginning to its end offset; afterwards every change is written and acknowledged by the broker
 * before the registry applies it. One registry process must be the only writer of the topic.
 */
final class SchemaLog implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientProperties;
  private final String topic;
  private KafkaProducer<byte[], byte[]> producer;

  SchemaLog(Map<String, Object> clientProperties, String topic) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.topic = topic;
  }

  /** Creates the topic if needed and hands every entry it holds to {@code replay}, in order. */
  void open(Consumer<LogEntry> replay) throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(clientProperties)) {
      NewTopic schemas =
          new NewTopic(topic, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      TopicAdmin.ensureTopics(admin, List.of(schemas), TIMEOUT);
    }
    readAll(replay);
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Writes the entries and waits until the broker has acknowledged all of them.
   *
   * @throws StoreException when any write failed; the caller must not apply the entries
   */
  void append(List<LogEntry> entries) {
    if (producer == null) {
      throw new IllegalStateException("schema log not open");
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (LogEntry entry : entries) {
      sends.add(
          producer.send(
              new ProducerRecord<>(topic, 0, LogCodec.key(entry), LogCodec.value(entry))));
    }
    try {
      for (Future<RecordMetadata> send : sends) {
        send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException e) {
      throw new StoreException(
          "writing to topic " + topic + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new StoreException("writing to topic " + topic + " timed out after " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while writing to topic " + topic, e);
    }
  }

  private void readAll(Consumer<LogEntry> replay) throws TimeoutException {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(
              "topic " + topic + " not read to offset " + end + " within " + TIMEOUT);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          replay.accept(decode(record));
        }
      }
    }
  }

  private static LogEntry decode(ConsumerRecord<byte[], byte[]> record) {
    try {
      return LogCodec.decode(record.key(), record.value());
    } catch (RuntimeException e) {
      // Refuse to serve from a topic we do not understand rather than skip part of it.
      throw new IllegalStateException(
          "record at offset "
              + record.offset()
              + " of topic "
              + record.topic()
              + " is not a registry entry: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(TIMEOUT);
      producer = null;
    }
  }

  /** A change could not be stored; the registry answers 500 and keeps its state unchanged. */
  static final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
