package io.impactsim.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reads, from the metrics of a Kafka Streams instance, what {@link StallWatch} judges each stream
 * thread by: its {@code process-total}, and its main consumer's {@code last-poll-seconds-ago} and
 * {@code records-lag} (the consumer's client id is the thread id plus {@code -consumer}).
 */
public final class StreamThreadReadings {
  private StreamThreadReadings() {}

  /** One reading per stream thread found in the metrics. */
  public static List<StallWatch.Reading> read(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Double> processed = new HashMap<>();
    Map<String, Double> sincePoll = new HashMap<>();
    Map<String, Double> lag = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      MetricName name = e.getKey();
      double value = value(e.getValue());
      if (name.group().equals("stream-thread-metrics") && name.name().equals("process-total")) {
        processed.put(name.tags().get("thread-id"), value);
      } else if (name.group().equals("consumer-metrics")
          && name.name().equals("last-poll-seconds-ago")) {
        sincePoll.put(name.tags().get("client-id"), value);
      } else if (name.group().equals("consumer-fetch-manager-metrics")
          && name.name().equals("records-lag")
          && name.tags().containsKey("partition")
          && !Double.isNaN(value)) {
        lag.merge(name.tags().get("client-id"), value, Double::sum);
      }
    }
    List<StallWatch.Reading> readings = new ArrayList<>();
    processed.forEach(
        (thread, total) -> {
          String consumer = thread + "-consumer";
          readings.add(
              new StallWatch.Reading(
                  thread,
                  sincePoll.getOrDefault(consumer, -1.0),
                  total,
                  lag.getOrDefault(consumer, 0.0)));
        });
    return readings;
  }

  private static double value(Metric metric) {
    return metric.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
