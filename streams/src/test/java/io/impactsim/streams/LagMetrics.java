package io.impactsim.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Client metrics as a Kafka Streams application reports them, for {@link InputLag}. */
public final class LagMetrics implements Supplier<Map<MetricName, ? extends Metric>> {
  private final Map<MetricName, Metric> metrics = new HashMap<>();

  @Override
  public Map<MetricName, ? extends Metric> get() {
    return metrics;
  }

  /** The consumer's {@code records-lag} of one partition. */
  public void recordsLag(String topic, int partition, double value) {
    recordsLag(topic, partition, () -> value);
  }

  /** The consumer's {@code records-lag} of one partition, read when asked. */
  public void recordsLag(String topic, int partition, Supplier<Object> value) {
    put("records-lag", "consumer-fetch-manager-metrics", topic, partition, value);
  }

  /** Any metric of one partition; the topic tag has its dots replaced, as the consumer does. */
  public void put(
      String metric, String group, String topic, int partition, Supplier<Object> value) {
    MetricName name =
        new MetricName(
            metric,
            group,
            "",
            Map.of(
                "client-id",
                "app-StreamThread-1-consumer",
                "topic",
                topic.replace('.', '_'),
                "partition",
                Integer.toString(partition)));
    metrics.put(
        name,
        new Metric() {
          @Override
          public MetricName metricName() {
            return name;
          }

          @Override
          public Object metricValue() {
            return value.get();
          }
        });
  }
}
