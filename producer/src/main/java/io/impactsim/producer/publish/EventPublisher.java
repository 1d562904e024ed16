package io.impactsim.producer.publish;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.topics.SchemaSubjects;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes input events to their topics with an idempotent producer ({@code acks=all}), each
 * record keyed by the event's key and stamped with its event time. Every send is confirmed or the
 * run stops at the first failure and says where to resume; nothing is dropped silently.
 */
public final class EventPublisher implements AutoCloseable {
  private final KafkaSettings settings;
  private final TopicCatalog topics;
  private final PublisherOptions options;
  private final PacingClock clock;
  private final Producer<String, byte[]> producer;
  private final Map<EventType, Serializer<SpecificRecord>> serializers =
      new EnumMap<>(EventType.class);
  private boolean topicsReady;

  public EventPublisher(KafkaSettings settings, TopicCatalog topics, PublisherOptions options) {
    this(settings, topics, options, ProducerFactory.KAFKA, PacingClock.SYSTEM);
  }

  /** A publisher with its own producer and clock, so tests can inject failures and time. */
  public EventPublisher(
      KafkaSettings settings,
      TopicCatalog topics,
      PublisherOptions options,
      ProducerFactory producers,
      PacingClock clock) {
    this.settings = settings;
    this.topics = topics;
    this.options = options;
    this.clock = clock;
    for (EventType t : EventType.values()) {
      serializers.put(t, valueSerializer(t.topicIn(topics)));
    }
    this.producer = producers.create(producerConfig(settings));
  }

  @SuppressWarnings("unchecked")
  private static Serializer<SpecificRecord> valueSerializer(Topic<String, ?> topic) {
    return (Serializer<SpecificRecord>) topic.valueSerde().serializer();
  }

  /**
   * The producer configuration: throughput settings that the client properties may override, then
   * the delivery guarantees, which they may not.
   */
  public static Properties producerConfig(KafkaSettings settings) {
    Properties p = new Properties();
    // Input records are small and alike: lz4 batches cost little CPU and cut broker I/O, which
    // matters most when broker and producer share a machine.
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "impactsim-producer");
    p.putAll(settings.kafkaProperties());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    // One request in flight: with more, a batch refused with NOT_LEADER_OR_FOLLOWER by a partition
    // its leader has just taken over can be overtaken by the next batch, after which the broker
    // refuses every retry of the first as OUT_OF_ORDER_SEQUENCE_NUMBER until it expires
    // (KAFKA-15591). Seen here on new topics even after their leaders answered ListOffsets.
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    return p;
  }

  /** Publishes the events in order; the expected total drives the progress bar's ETA. */
  public PublishReport publish(Iterable<InputEvent> events) {
    return publish(events, events instanceof Collection<?> c ? c.size() : -1);
  }

  /**
   * Publishes the events in order and waits until the cluster confirmed each of them.
   *
   * @param expectedTotal how many events {@code events} holds, or -1 if unknown
   * @throws PublishFailedException at the first event the cluster did not confirm
   */
  public PublishReport publish(Iterable<InputEvent> events, long expectedTotal) {
    ensureTopics();
    Pacer pacer = new Pacer(options.speed(), clock);
    try (Progress progress = options.progress() ? Progress.bar(expectedTotal) : Progress.NONE) {
      PublishRun run = new PublishRun(progress, System.nanoTime());
      sendAll(events, pacer, run);
      producer.flush();
      PublishFailedException failed = run.outcome(System.nanoTime());
      if (failed != null) {
        throw failed;
      }
      return run.report(System.nanoTime());
    }
  }

  private void sendAll(Iterable<InputEvent> events, Pacer pacer, PublishRun run) {
    for (InputEvent event : events) {
      if (run.hasFailed()) {
        return;
      }
      var callback = run.track(event);
      try {
        pacer.awaitTurn(event.occurredAt());
        producer.send(record(event), callback);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        run.failed(e);
      } catch (KafkaException e) {
        run.failed(e);
      }
    }
  }

  private ProducerRecord<String, byte[]> record(InputEvent event) {
    Topic<String, SpecificRecord> topic = event.topicIn(topics);
    byte[] value = serializers.get(event.type()).serialize(topic.name(), event.value());
    return new ProducerRecord<>(
        topic.name(), null, event.occurredAt().toEpochMilli(), event.key(), value);
  }

  /**
   * Once per publisher: creates the input topics that are missing and waits until their leaders
   * serve requests, then puts their subjects under impactsim's compatibility rule and registers the
   * schemas, so a schema the registry rejects stops the run before anything is written.
   */
  private void ensureTopics() {
    if (topicsReady) {
      return;
    }
    if (options.createMissingTopics()) {
      List<NewTopic> wanted =
          topics.inputs().stream()
              .map(t -> t.newTopic(options.partitions(), options.replicationFactor()))
              .toList();
      try (Admin admin = Admin.create(settings.kafkaProperties())) {
        TopicAdmin.ensureTopics(admin, wanted, options.topicTimeout());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating the input topics", e);
      } catch (TimeoutException | RuntimeException e) {
        throw new IllegalStateException("cannot create the input topics: " + e.getMessage(), e);
      }
    }
    SchemaSubjects.prepare(topics.inputs());
    topicsReady = true;
  }

  @Override
  public void close() {
    producer.close();
  }
}
