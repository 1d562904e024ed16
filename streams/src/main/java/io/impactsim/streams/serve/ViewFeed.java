package io.impactsim.streams.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.config.KafkaSettings;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.input.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the view topics and the dead-letter topic from their beginning, committed transactions
 * only, on one thread: it feeds the live stream (a new subscriber first gets the recent history,
 * then every change) and the domain metrics.
 */
final class ViewFeed implements AutoCloseable {
  /** How many recent view changes a new subscriber is sent before the live ones. */
  static final int HISTORY_LIMIT = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /** One change of a view: its key and new record (null when the key was removed). */
  record Change(View view, String key, JsonNode value, Instant eventTime) {
    /** The SSE data of the change: {@code {"key": ..., "value": ...}}. */
    String json() {
      ObjectNode node = AvroJson.MAPPER.createObjectNode();
      node.put("key", key);
      node.set("value", value == null ? AvroJson.MAPPER.nullNode() : value);
      return node.toString();
    }
  }

  private final TopicCatalog topics;
  private final ServingMetrics metrics;
  private final Clock clock;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, View> views = new HashMap<>();
  private final ArrayDeque<Change> history = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Consumer<List<Change>>> joining =
      new ConcurrentLinkedQueue<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean started;
  private final CountDownLatch closing = new CountDownLatch(1);

  ViewFeed(KafkaSettings settings, TopicCatalog topics, ServingMetrics metrics, Clock clock) {
    this.topics = topics;
    this.metrics = metrics;
    this.clock = clock;
    for (View v : View.values()) {
      views.put(v.topic(topics).name(), v);
    }
    Properties props = settings.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, topics.prefix() + "-view-feed");
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    metrics.bindConsumer(consumer);
    this.thread = new Thread(this::run, "impactsim-view-feed");
    thread.setDaemon(true);
  }

  void start() {
    started = true;
    thread.start();
  }

  /**
   * Subscribes to view changes: {@code replay} first receives the recent history, then {@code live}
   * every later change, in order and without gaps, both on the feed's thread.
   */
  void subscribe(Consumer<List<Change>> replay, Consumer<Change> live) {
    joining.add(
        past -> {
          replay.accept(past);
          listeners.add(live);
        });
  }

  void unsubscribe(Consumer<Change> live) {
    listeners.remove(live);
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          handle(r);
        }
        admitSubscribers();
      }
    } catch (WakeupException e) {
      // close() asked the thread to stop.
    } catch (RuntimeException e) {
      LOG.error("the view feed stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  // The feed may start before the application has created its topics.
  private List<TopicPartition> awaitPartitions() {
    List<String> names = new ArrayList<>(views.keySet());
    names.add(topics.deadLetters().name());
    while (running) {
      List<TopicPartition> found = new ArrayList<>();
      boolean all = true;
      for (String name : names) {
        List<PartitionInfo> info = consumer.partitionsFor(name, Duration.ofSeconds(5));
        all &= info != null && !info.isEmpty();
        if (info != null) {
          info.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
        }
      }
      if (all) {
        return found;
      }
      admitSubscribers();
      try {
        if (closing.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return List.of();
  }

  private void handle(ConsumerRecord<byte[], byte[]> r) {
    View view = views.get(r.topic());
    if (view == null) {
      metrics.deadLetter(
          reason(r), String.valueOf(DeadLetters.text(r.headers(), DeadLetters.TOPIC)));
      return;
    }
    Topic<String, SpecificRecord> topic = view.topic(topics);
    String key;
    SpecificRecord value;
    try {
      key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
      value = topic.valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
    } catch (RuntimeException e) {
      LOG.warn(
          "skipping an unreadable record at {}-{}@{}: {}",
          r.topic(),
          r.partition(),
          r.offset(),
          e.toString());
      return;
    }
    Instant eventTime = Instant.ofEpochMilli(r.timestamp());
    metrics.viewLag(view, Duration.between(eventTime, clock.instant()));
    if (value instanceof SimulatedMarketCap cap) {
      metrics.marketCap(cap);
    }
    Change change = new Change(view, key, value == null ? null : AvroJson.toJson(value), eventTime);
    history.addLast(change);
    if (history.size() > HISTORY_LIMIT) {
      history.removeFirst();
    }
    for (Consumer<Change> listener : listeners) {
      listener.accept(change);
    }
  }

  private void admitSubscribers() {
    Consumer<List<Change>> next;
    while ((next = joining.poll()) != null) {
      next.accept(List.copyOf(history));
    }
  }

  /**
   * A bounded label for why a record was dead-lettered: the exception's class when one rejected it,
   * else the validation message without the offending value.
   */
  static String reason(ConsumerRecord<byte[], byte[]> r) {
    String exception = DeadLetters.text(r.headers(), DeadLetters.EXCEPTION);
    if (exception != null && !exception.isEmpty()) {
      return exception.substring(exception.lastIndexOf('.') + 1);
    }
    String reason = DeadLetters.text(r.headers(), DeadLetters.REASON);
    if (reason == null || reason.isBlank()) {
      return "unknown";
    }
    int was = reason.indexOf(", was ");
    String cut = was < 0 ? reason : reason.substring(0, was);
    return cut.length() > 80 ? cut.substring(0, 80) : cut;
  }

  @Override
  public void close() {
    running = false;
    closing.countDown();
    if (!started) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
