package io.impactsim.producer.publish;

import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The largest record each input topic takes: the lower of the producer's {@code max.request.size}
 * and the topic's {@code max.message.bytes} (for a topic not created yet, the broker's {@code
 * message.max.bytes}, which it will be created with).
 *
 * @param maxRequestSize the producer's {@code max.request.size}
 * @param topicLimits {@code max.message.bytes} of the topics that exist
 * @param brokerLimit {@code message.max.bytes} of the broker, for topics not created yet
 * @param origin where the figures come from, in words, e.g. "the cluster"
 */
public record RecordSizeLimits(
    int maxRequestSize, Map<String, Integer> topicLimits, int brokerLimit, String origin) {

  /** Kafka's default {@code message.max.bytes} (1 MiB plus the batch overhead). */
  public static final int KAFKA_DEFAULT_MESSAGE_MAX_BYTES = 1_048_588;

  /** Kafka's default {@code max.request.size}. */
  public static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

  public RecordSizeLimits {
    topicLimits = Map.copyOf(topicLimits);
  }

  /** The limit of one record on a topic, with the setting it comes from. */
  public record Limit(int bytes, String setting) {}

  /** The limit of a record on the given topic. */
  public Limit limitFor(String topic) {
    Integer ofTopic = topicLimits.get(topic);
    String setting =
        ofTopic != null
            ? "max.message.bytes of topic " + topic
            : "message.max.bytes of the broker (" + origin + ")";
    int topicBytes = ofTopic != null ? ofTopic : brokerLimit;
    if (maxRequestSize < topicBytes) {
      return new Limit(maxRequestSize, "max.request.size of the producer");
    }
    return new Limit(topicBytes, setting);
  }

  /** Kafka's defaults, with the producer's {@code max.request.size} if the settings set one. */
  public static RecordSizeLimits defaults(KafkaSettings settings, String why) {
    return new RecordSizeLimits(
        maxRequestSize(settings), Map.of(), KAFKA_DEFAULT_MESSAGE_MAX_BYTES, "default: " + why);
  }

  /**
   * Asks the cluster for the limits of the given topics; topics that do not exist get the broker's
   * default.
   *
   * @throws TimeoutException if the cluster does not answer within {@code timeout}
   */
  public static RecordSizeLimits fromCluster(
      KafkaSettings settings, Collection<String> topics, Duration timeout)
      throws TimeoutException, InterruptedException {
    Properties props = settings.kafkaProperties();
    int millis = (int) Math.max(1, timeout.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    long deadline = System.nanoTime() + timeout.toNanos();
    Admin admin = Admin.create(props);
    try {
      Set<String> existing =
          admin
              .listTopics(new ListTopicsOptions().timeoutMs(millis))
              .names()
              .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
      List<ConfigResource> resources = new ArrayList<>();
      for (String t : topics) {
        if (existing.contains(t)) {
          resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t));
        }
      }
      Collection<Node> nodes =
          admin.describeCluster().nodes().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
      String broker = nodes.isEmpty() ? null : Integer.toString(nodes.iterator().next().id());
      if (broker != null) {
        resources.add(new ConfigResource(ConfigResource.Type.BROKER, broker));
      }
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(resources)
              .all()
              .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
      Map<String, Integer> byTopic = new TreeMap<>();
      int brokerLimit = KAFKA_DEFAULT_MESSAGE_MAX_BYTES;
      for (Map.Entry<ConfigResource, Config> e : configs.entrySet()) {
        if (e.getKey().type() == ConfigResource.Type.TOPIC) {
          intValue(e.getValue(), TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
              .ifPresent(v -> byTopic.put(e.getKey().name(), v));
        } else {
          brokerLimit =
              intValue(e.getValue(), "message.max.bytes").orElse(KAFKA_DEFAULT_MESSAGE_MAX_BYTES);
        }
      }
      return new RecordSizeLimits(maxRequestSize(settings), byTopic, brokerLimit, "the cluster");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new TimeoutException("no answer within " + timeout);
      }
      throw new IllegalStateException(
          "cannot read the size limits of the cluster: " + e.getCause().getMessage(), e.getCause());
    } finally {
      admin.close(Duration.ofSeconds(1));
    }
  }

  private static long remainingMillis(long deadlineNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  private static Optional<Integer> intValue(Config config, String name) {
    ConfigEntry entry = config.get(name);
    if (entry == null || entry.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(entry.value().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The {@code max.request.size} the publisher's producer runs with. */
  static int maxRequestSize(KafkaSettings settings) {
    Properties config = EventPublisher.producerConfig(settings);
    Object value = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    if (value == null) {
      return KAFKA_DEFAULT_MAX_REQUEST_SIZE;
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      return KAFKA_DEFAULT_MAX_REQUEST_SIZE;
    }
  }

  /** One line for people: where the limits come from and each topic's limit. */
  public String summary(Collection<String> topics) {
    StringBuilder s = new StringBuilder("record size limits (" + origin + "):");
    String separator = " ";
    for (String t : new TreeSet<>(topics)) {
      s.append(separator).append(String.format("%s %,d bytes", t, limitFor(t).bytes()));
      separator = ", ";
    }
    return s.toString();
  }
}
