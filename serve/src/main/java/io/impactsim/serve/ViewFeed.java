package io.impactsim.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.View;
import io.impactsim.views.input.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * Follows the view topics and the dead-letter topic from their end, committed transactions only, on
 * one thread: it passes every change to its subscribers (the live stream's clients) and to the
 * domain metrics. It keeps no history: a new subscriber learns the feed's position when it joins,
 * and gets the state before that position from the view stores ({@link ViewSnapshot}).
 */
final class ViewFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /** One change of a view: its key and new record (null when the key was removed). */
  record Change(View view, String key, JsonNode value, Instant eventTime) {
    /** The SSE data of the change: {@code {"key": ..., "value": ...}}. */
    String json() {
      return new ViewSnapshot.Entry(view, key, value).node().toString();
    }
  }

  /** Receives changes on the feed's thread; must not block. */
  interface Subscriber {
    /** Takes a change; false when it cannot take more, and the feed drops it. */
    boolean offer(Change change);

    /** The feed stopped or dropped this subscriber: no more changes will come. */
    void ended(String why);
  }

  private record Joining(Subscriber subscriber, CompletableFuture<Map<TopicPartition, Long>> at) {}

  private final TopicCatalog topics;
  private final ServingMetrics metrics;
  private final Clock clock;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, View> views = new HashMap<>();
  private final List<TopicPartition> viewPartitions = new ArrayList<>();
  private final ConcurrentLinkedQueue<Joining> joining = new ConcurrentLinkedQueue<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean started;
  private volatile String failure;
  private volatile RuntimeException injected;

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
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
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
   * Adds a subscriber between two polls. The future completes with the feed's position in each view
   * partition at that moment: the subscriber gets every change at or after it, none before.
   */
  CompletableFuture<Map<TopicPartition, Long>> subscribe(Subscriber subscriber) {
    CompletableFuture<Map<TopicPartition, Long>> at = new CompletableFuture<>();
    String failed = failure();
    if (failed != null) {
      at.completeExceptionally(new IllegalStateException(failed));
      return at;
    }
    joining.add(new Joining(subscriber, at));
    return at;
  }

  void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** Why the feed stopped while it should run, or null while it runs (or was closed). */
  String failure() {
    if (failure != null) {
      return failure;
    }
    if (started && running && !thread.isAlive()) {
      return "the view feed's thread has ended";
    }
    return null;
  }

  /** Test hook: makes the feed's thread fail with {@code cause} at its next poll. */
  void fail(RuntimeException cause) {
    injected = cause;
    consumer.wakeup();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Fix the start now: a lazy seek would skip the records written before the first poll.
      partitions.forEach(consumer::position);
      while (running) {
        try {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
            handle(r);
          }
        } catch (WakeupException e) {
          throwIfInjected();
          if (!running) {
            break;
          }
        }
        admitSubscribers();
      }
    } catch (WakeupException e) {
      if (injected != null) {
        stopped("the view feed stopped: " + injected);
      }
      // Otherwise close() asked the thread to stop.
    } catch (RuntimeException e) {
      stopped("the view feed stopped: " + e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      String why = failure == null ? "the server is closing" : failure;
      failJoining(why);
      subscribers.forEach(s -> s.ended(why));
      subscribers.clear();
    }
  }

  private void throwIfInjected() {
    RuntimeException cause = injected;
    if (cause != null) {
      throw cause;
    }
  }

  private void stopped(String why) {
    failure = why;
    LOG.error("{}; the live stream has stopped and /health reports DOWN until a restart", why);
  }

  // The feed may start before the application has created its topics.
  private List<TopicPartition> awaitPartitions() {
    List<String> names = new ArrayList<>(views.keySet());
    names.add(topics.deadLetters().name());
    while (running) {
      throwIfInjected();
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
        found.stream().filter(tp -> views.containsKey(tp.topic())).forEach(viewPartitions::add);
        return found;
      }
      // Subscribers wait: until the feed has its start position it cannot say what they will miss.
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
      LOG.debug(
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
    if (subscribers.isEmpty()) {
      return;
    }
    Change change =
        new Change(view, key, value == null ? null : AvroToJson.toJson(value), eventTime);
    for (Subscriber s : subscribers) {
      if (!s.offer(change)) {
        subscribers.remove(s);
        s.ended("the client fell too far behind");
      }
    }
  }

  private void admitSubscribers() {
    Joining next;
    while ((next = joining.poll()) != null) {
      Map<TopicPartition, Long> at = new HashMap<>();
      for (TopicPartition tp : viewPartitions) {
        at.put(tp, consumer.position(tp));
      }
      subscribers.add(next.subscriber());
      next.at().complete(at);
    }
  }

  private void failJoining(String why) {
    Joining next;
    while ((next = joining.poll()) != null) {
      next.at().completeExceptionally(new IllegalStateException(why));
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
