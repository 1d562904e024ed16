package io.impactsim.streams;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the application's consumer has fetched a partition of some input topics up to their end,
 * from its {@code records-lag} metrics. Processors use it to tell a task that has nothing left to
 * read from one that is merely waiting for its turn. Until it watches a running application (in a
 * {@code TopologyTestDriver}, for instance) every input counts as read to its end.
 */
public final class InputLag {
  private static final String GROUP = "consumer-fetch-manager-metrics";
  private static final String LAG = "records-lag";

  private volatile Supplier<Map<MetricName, ? extends Metric>> metrics;

  /** Reads the metrics of this application from now on. */
  public void watch(KafkaStreams streams) {
    watch(streams::metrics);
  }

  /** Reads these metrics from now on: those of a Kafka Streams application's clients. */
  public void watch(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.metrics = metrics;
  }

  /**
   * Whether every partition {@code partition} of the topics that the consumer has fetched from is
   * at its end, and it has fetched from at least one. Topics without such a partition are ignored.
   */
  public boolean readToEnd(Collection<String> topics, int partition) {
    Supplier<Map<MetricName, ? extends Metric>> source = metrics;
    if (source == null) {
      return true;
    }
    // Consumer metrics name a topic with its dots replaced by underscores.
    Set<String> tags = topics.stream().map(t -> t.replace('.', '_')).collect(Collectors.toSet());
    String wanted = Integer.toString(partition);
    boolean any = false;
    for (Map.Entry<MetricName, ? extends Metric> e : source.get().entrySet()) {
      MetricName name = e.getKey();
      if (!LAG.equals(name.name()) || !GROUP.equals(name.group())) {
        continue;
      }
      Map<String, String> t = name.tags();
      if (!wanted.equals(t.get("partition")) || !tags.contains(t.get("topic"))) {
        continue;
      }
      Object lag = e.getValue().metricValue();
      if (!(lag instanceof Number n) || Double.isNaN(n.doubleValue()) || n.doubleValue() > 0) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
