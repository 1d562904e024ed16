package io.impactsim.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What a Streams job wrote, as the sum of the end offsets of the topics it writes: its own
 * repartition topics and changelogs (named after its application id) and the output topics given.
 * Transaction markers take offsets too, so this counts what the broker stored, not only records.
 */
final class Writes {
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;
  private final String prefix;
  private final Predicate<String> written;

  private Writes(Admin admin, String prefix, Predicate<String> written) {
    this.admin = admin;
    this.prefix = prefix;
    this.written = written;
  }

  /** Topics named {@code <applicationId>-...} and the outputs. */
  static Writes of(Admin admin, String applicationId, Set<String> outputs) {
    String prefix = applicationId + "-";
    return new Writes(admin, prefix, name -> name.startsWith(prefix) || outputs.contains(name));
  }

  /** The sum of the end offsets of the topics now. */
  long endOffsets() throws InterruptedException, TimeoutException {
    return byTopic().values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The end offsets of the topics now, summed over partitions, by topic; the job's own topics
   * without the application id in front.
   */
  Map<String, Long> byTopic() throws InterruptedException, TimeoutException {
    try {
      Set<String> names =
          admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
              .filter(written)
              .collect(Collectors.toSet());
      if (names.isEmpty()) {
        return Map.of();
      }
      Map<String, TopicDescription> described =
          admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest =
          described.values().stream()
              .flatMap(
                  d ->
                      d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return ends.entrySet().stream()
          .collect(
              Collectors.groupingBy(
                  e -> label(e.getKey().topic()),
                  TreeMap::new,
                  Collectors.summingLong(e -> e.getValue().offset())));
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read end offsets", e.getCause());
    }
  }

  private String label(String topic) {
    return topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
  }
}
