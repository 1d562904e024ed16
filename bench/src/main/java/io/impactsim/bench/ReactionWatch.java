package io.impactsim.bench;

import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the market-cap reactions topic as a read_committed consumer, the way any reader of the
 * views sees it, and records for each timed event how long after its publish its first reaction
 * became visible. Reactions are keyed by their event's id.
 */
final class ReactionWatch implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(5);

  private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
  private final List<Double> latenciesMs = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final Thread thread;
  private volatile boolean finishing;

  ReactionWatch(KafkaSettings settings, TopicCatalog topics) {
    Properties p = settings.kafkaProperties();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.topic = topics.marketCapReactions().name();
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::watch, "reaction-watch");
  }

  void start() {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topic)
        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    consumer.poll(Duration.ZERO);
    // The consumer belongs to the watch thread from here on.
    thread.start();
  }

  /** Marks an event as published now; its first reaction will be timed against this instant. */
  void published(String eventId) {
    publishedAt.put(eventId, System.nanoTime());
  }

  /** Reads up to the topic's current end, then stops and gives the latencies seen. */
  double[] finish(Duration timeout) throws InterruptedException, TimeoutException {
    finishing = true;
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      throw new TimeoutException("the reactions topic was not read to its end in " + timeout);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("reading the reactions failed", failure.get());
    }
    synchronized (latenciesMs) {
      return latenciesMs.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  private void watch() {
    try {
      Map<TopicPartition, Long> ends = null;
      while (ends == null || !reached(ends)) {
        if (finishing && ends == null) {
          ends = consumer.endOffsets(consumer.assignment());
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          seen(r.key());
        }
      }
    } catch (RuntimeException e) {
      failure.set(e);
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void seen(String key) {
    long now = System.nanoTime();
    Long sent = publishedAt.remove(key);
    if (sent != null) {
      synchronized (latenciesMs) {
        latenciesMs.add((now - sent) / 1e6);
      }
    }
  }

  @Override
  public void close() {
    finishing = true;
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
