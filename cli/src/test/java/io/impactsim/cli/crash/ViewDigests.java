package io.impactsim.cli.crash;

import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.Difference;
import io.impactsim.views.read.ViewComparison;
import io.impactsim.views.read.ViewReader;
import io.impactsim.views.read.ViewSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Compares the four views of two namespaces key by key in memory that does not grow with the size
 * of the values: per partition, a 64-bit hash of each key's latest value. Only keys that differ are
 * decoded, for a field-by-field account ({@link ViewComparison}). Both namespaces' views are
 * written by the same topology with the same partition count, so a key lands in the same partition
 * on both sides.
 */
final class ViewDigests {
  /** Bytes before the Avro body in the registry wire format: magic byte and schema id. */
  private static final int WIRE_HEADER = 5;

  private static final Duration POLL = Duration.ofMillis(200);
  private static final List<String> VIEWS =
      List.of("market-share", "capex", "reactions", "market-cap");

  private ViewDigests() {}

  /**
   * What two namespaces' views have in common and where they differ.
   *
   * @param keys per view, the keys of the base namespace
   * @param differingKeys per view, how many keys differ (absent on one side or another value)
   * @param differences field by field, for at most the first few differing keys of each view
   */
  record Outcome(
      Map<String, Integer> keys, Map<String, Integer> differingKeys, List<Difference> differences) {
    boolean equal() {
      return differingKeys.values().stream().allMatch(n -> n == 0);
    }
  }

  static Outcome compare(KafkaSettings base, KafkaSettings other, Duration timeout, int explain)
      throws TimeoutException {
    try (SchemaRegistry baseRegistry = base.schemaRegistry();
        SchemaRegistry otherRegistry = other.schemaRegistry()) {
      TopicCatalog b = TopicCatalog.create(base.topicPrefix(), baseRegistry, false);
      TopicCatalog o = TopicCatalog.create(other.topicPrefix(), otherRegistry, false);
      Map<String, Integer> keys = new LinkedHashMap<>();
      Map<String, Integer> differing = new LinkedHashMap<>();
      Map<String, Set<Long>> toExplain = new HashMap<>();
      for (String view : VIEWS) {
        Set<Long> diff = new HashSet<>();
        keys.put(view, compareView(base, topic(b, view), other, topic(o, view), diff, timeout));
        differing.put(view, diff.size());
        toExplain.put(view, diff.stream().limit(explain).collect(Collectors.toSet()));
      }
      ViewSet left = decoded(base, b, toExplain, timeout);
      ViewSet right = decoded(other, o, toExplain, timeout);
      return new Outcome(keys, differing, ViewComparison.of(left, right).differences());
    }
  }

  /**
   * Compares one view partition by partition, adding the hashes of differing keys to {@code diff}.
   *
   * @return the keys of the base view
   */
  private static int compareView(
      KafkaSettings base,
      Topic<String, ?> baseTopic,
      KafkaSettings other,
      Topic<String, ?> otherTopic,
      Set<Long> diff,
      Duration timeout)
      throws TimeoutException {
    int partitions = partitions(base, baseTopic.name(), timeout);
    if (partitions != partitions(other, otherTopic.name(), timeout)) {
      throw new IllegalStateException(
          baseTopic.name() + " and " + otherTopic.name() + " differ in partitions");
    }
    int keys = 0;
    for (int p = 0; p < partitions; p++) {
      LatestHashes left = latestHashes(base, baseTopic, p, timeout);
      LatestHashes right = latestHashes(other, otherTopic, p, timeout);
      keys += left.size();
      left.forEach(
          (key, value) -> {
            if (!right.contains(key) || right.get(key) != value) {
              diff.add(key);
            }
          });
      right.forEach(
          (key, value) -> {
            if (!left.contains(key)) {
              diff.add(key);
            }
          });
    }
    return keys;
  }

  private static Topic<String, ?> topic(TopicCatalog topics, String view) {
    return switch (view) {
      case "market-share" -> topics.marketShare();
      case "capex" -> topics.capex();
      case "reactions" -> topics.marketCapReactions();
      case "market-cap" -> topics.marketCap();
      default -> throw new IllegalArgumentException(view);
    };
  }

  /** The records of the given keys only, decoded, as a view set. */
  private static ViewSet decoded(
      KafkaSettings settings, TopicCatalog topics, Map<String, Set<Long>> keys, Duration timeout)
      throws TimeoutException {
    return new ViewSet(
        only(settings, topics.marketShare(), keys.get("market-share"), timeout),
        only(settings, topics.capex(), keys.get("capex"), timeout),
        only(settings, topics.marketCapReactions(), keys.get("reactions"), timeout),
        only(settings, topics.marketCap(), keys.get("market-cap"), timeout));
  }

  private static <V> Map<String, V> only(
      KafkaSettings settings, Topic<String, V> topic, Set<Long> hashes, Duration timeout)
      throws TimeoutException {
    Map<String, V> out = new TreeMap<>();
    if (hashes.isEmpty()) {
      return out;
    }
    ViewReader.scan(
        settings,
        topic,
        timeout,
        (partition, key, value) -> {
          if (hashes.contains(hash(key.getBytes(StandardCharsets.UTF_8), 0))) {
            if (value == null) {
              out.remove(key);
            } else {
              out.put(key, value);
            }
          }
        });
    return out;
  }

  /** Per key hash, the hash of the key's latest value in one partition; tombstones remove. */
  private static LatestHashes latestHashes(
      KafkaSettings settings, Topic<String, ?> topic, int partition, Duration timeout)
      throws TimeoutException {
    LatestHashes latest = new LatestHashes();
    scan(
        settings,
        new TopicPartition(topic.name(), partition),
        timeout,
        r -> {
          long key = hash(r.key(), 0);
          if (r.value() == null) {
            latest.remove(key);
          } else {
            latest.put(key, hash(r.value(), WIRE_HEADER));
          }
        });
    return latest;
  }

  private static int partitions(KafkaSettings settings, String topic, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(settings)) {
      return consumer.partitionsFor(topic, timeout).size();
    }
  }

  private static void scan(
      KafkaSettings settings,
      TopicPartition partition,
      Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> visitor)
      throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(settings)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
      while (consumer.position(partition) < end) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("did not reach the end of " + partition + " in " + timeout);
        }
        consumer.poll(POLL).forEach(visitor);
      }
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings) {
    Properties props = settings.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** FNV-1a, 64 bits, of the bytes from {@code from} on. */
  private static long hash(byte[] bytes, int from) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < bytes.length; i++) {
      h ^= bytes[i] & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The keys compared, per view, in one line. */
  static String describe(Outcome outcome) {
    List<String> parts = new ArrayList<>();
    outcome.keys().forEach((view, n) -> parts.add(view + " " + n));
    return String.join(", ", parts);
  }
}
