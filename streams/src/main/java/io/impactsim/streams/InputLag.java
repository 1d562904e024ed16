package io.impactsim.streams;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
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

  /** How long the lag metrics found by one scan of every client metric are used, by default. */
  public static final Duration RESCAN = Duration.ofSeconds(1);

  private final long rescanNanos;
  private volatile Supplier<Map<MetricName, ? extends Metric>> metrics;
  private volatile Scan scan;

  /** The {@code records-lag} metrics, keyed {@code <topic tag>/<partition>}. */
  private record Scan(Map<String, Metric> lags, long atNanos) {}

  /** Finds the lag metrics again every {@link #RESCAN}. */
  public InputLag() {
    this(RESCAN);
  }

  /** Finds the lag metrics again every {@code rescan}; zero scans on every question. */
  public InputLag(Duration rescan) {
    this.rescanNanos = rescan.toNanos();
  }

  /** Reads the metrics of this application from now on. */
  public void watch(KafkaStreams streams) {
    watch(streams::metrics);
  }

  /** Reads these metrics from now on: those of a Kafka Streams application's clients. */
  public void watch(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.metrics = metrics;
    this.scan = null;
  }

  /**
   * Whether every partition {@code partition} of the topics that the consumer has fetched from is
   * at its end, and it has fetched from at least one. Topics without such a partition are ignored.
   * The metrics are found by a scan of every client metric at most once per rescan period
   * (collecting them all costs far more than reading a few); their values are read live.
   */
  public boolean readToEnd(Collection<String> topics, int partition) {
    Supplier<Map<MetricName, ? extends Metric>> source = metrics;
    if (source == null) {
      return true;
    }
    Map<String, Metric> lags = lags(source);
    boolean any = false;
    for (String topic : topics) {
      // Consumer metrics name a topic with its dots replaced by underscores.
      Metric lag = lags.get(topic.replace('.', '_') + "/" + partition);
      if (lag == null) {
        continue;
      }
      Object value = lag.metricValue();
      if (!(value instanceof Number n) || Double.isNaN(n.doubleValue()) || n.doubleValue() > 0) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private Map<String, Metric> lags(Supplier<Map<MetricName, ? extends Metric>> source) {
    Scan current = scan;
    if (current == null || System.nanoTime() - current.atNanos() >= rescanNanos) {
      synchronized (this) {
        current = scan;
        if (current == null || System.nanoTime() - current.atNanos() >= rescanNanos) {
          current = new Scan(lagMetrics(source.get()), System.nanoTime());
          scan = current;
        }
      }
    }
    return current.lags();
  }

  private static Map<String, Metric> lagMetrics(Map<MetricName, ? extends Metric> all) {
    Map<String, Metric> lags = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : all.entrySet()) {
      MetricName name = e.getKey();
      if (LAG.equals(name.name()) && GROUP.equals(name.group())) {
        Map<String, String> tags = name.tags();
        lags.put(tags.get("topic") + "/" + tags.get("partition"), e.getValue());
      }
    }
    return lags;
  }
}
