package io.impactsim.tools;

import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies the live input topics into a namespace's own input topics, record by record with the same
 * key and timestamp, with the {@link EventEdits} applied on the way. Reading stops at the end
 * offsets seen when the copy starts, so a copy is a snapshot of the log even while events keep
 * arriving.
 *
 * <p>The namespace's topics have one partition each, written in event-time order ({@link
 * EventTimeMerge}): with one task per sub-topology and one writer per repartition topic, Kafka
 * Streams then processes a replay in an order fixed by the log, so two replays of one log write the
 * same records. The live layout, spread over partitions, would let fetch timing decide which
 * partition goes first.
 */
public final class LogCopier {
  private final Namespace namespace;
  private final EventEdits edits;
  private final ReplayListener listener;

  public LogCopier(Namespace namespace, EventEdits edits, ReplayListener listener) {
    this.namespace = namespace;
    this.edits = edits;
    this.listener = listener;
  }

  /**
   * Copies the log as it is now.
   *
   * @throws IllegalArgumentException if an event the edits name is not in the log
   * @throws TimeoutException if the end of the log is not reached within the timeout
   */
  public CopyReport copy(Duration timeout) throws InterruptedException, TimeoutException {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    try (SchemaRegistry registry = namespace.live().schemaRegistry()) {
      TopicCatalog from = TopicCatalog.create(namespace.live().topicPrefix(), registry, false);
      TopicCatalog to = TopicCatalog.create(namespace.prefix(), registry, true);
      Map<String, Integer> partitions = createInputs(from, to, timeout);
      CopyRun run = new CopyRun(from, to, edits);
      try (KafkaConsumer<byte[], byte[]> consumer = consumer();
          KafkaProducer<byte[], byte[]> producer = producer()) {
        Map<TopicPartition, Long> ends = assignAll(consumer, from, partitions, timeout);
        boolean complete =
            new EventTimeMerge(consumer, ends)
                .forEach(
                    r -> {
                      run.copy(r, producer);
                      listener.advanced(run.read());
                    },
                    deadline);
        if (!complete) {
          throw new TimeoutException("the log was not copied within " + timeout);
        }
        run.finish(producer);
      } finally {
        listener.finished();
      }
      Set<String> missing = new TreeSet<>(edits.namedEventIds());
      missing.removeAll(run.seenEventIds());
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("no event with id " + missing + " in the log");
      }
      return run.report(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** Creates the namespace's input topics; returns the partition counts of the live ones. */
  private Map<String, Integer> createInputs(TopicCatalog from, TopicCatalog to, Duration timeout)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(namespace.live().kafkaProperties())) {
      List<String> names = from.inputs().stream().map(Topic::name).toList();
      Map<String, TopicDescription> described;
      try {
        described =
            admin
                .describeTopics(names)
                .allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "cannot read the live input topics " + names + ": " + e.getCause().getMessage(), e);
      }
      Map<String, Integer> partitions = new HashMap<>();
      List<NewTopic> wanted = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        int count = described.get(names.get(i)).partitions().size();
        partitions.put(names.get(i), count);
        wanted.add(to.inputs().get(i).newTopic(1, namespace.options().replicationFactor()));
      }
      TopicAdmin.ensureTopics(admin, wanted, timeout);
      return partitions;
    }
  }

  private Map<TopicPartition, Long> assignAll(
      KafkaConsumer<byte[], byte[]> consumer,
      TopicCatalog from,
      Map<String, Integer> partitions,
      Duration timeout) {
    // Catalogue order, so that events of one instant go deals, restructurings, earnings, profiles.
    List<TopicPartition> all = new ArrayList<>();
    for (Topic<?, ?> t : from.inputs()) {
      for (int p = 0; p < partitions.get(t.name()); p++) {
        all.add(new TopicPartition(t.name(), p));
      }
    }
    consumer.assign(all);
    consumer.seekToBeginning(all);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(all, timeout);
    Map<TopicPartition, Long> ends = new LinkedHashMap<>();
    Map<TopicPartition, Long> found = consumer.endOffsets(all, timeout);
    all.forEach(tp -> ends.put(tp, found.get(tp)));
    listener.started(
        "copying",
        ends.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum());
    return ends;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties props = namespace.live().kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties props = namespace.live().kafkaProperties();
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // One request in flight keeps the order of each partition through retries (KAFKA-15591).
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
