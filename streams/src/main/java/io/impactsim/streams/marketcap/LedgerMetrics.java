package io.impactsim.streams.marketcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.Sensor.RecordingLevel;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * What a market-cap ledger task does, as Kafka Streams metrics of the group {@value #GROUP}, tagged
 * {@code thread-id} and {@code impactsim-ledger-id} (the task id); each is a {@code -total} and a
 * per-second {@code -rate}. Entries priced against impacts stored is the cost of the arrival order:
 * one when every impact is priced once, more when late impacts reprice the entries after them.
 */
final class LedgerMetrics {
  /** The metric group of the ledger's metrics. */
  static final String GROUP = "stream-impactsim-ledger-metrics";

  /** The tag that names the ledger task. */
  static final String TASK_TAG = "impactsim-ledger-id";

  private final StreamsMetrics metrics;
  private final List<Sensor> sensors = new ArrayList<>();
  private final Sensor impacts;
  private final Sensor lateImpacts;
  private final Sensor pricedEntries;
  private final Sensor pricingPasses;

  LedgerMetrics(ProcessorContext<?, ?> context) {
    this.metrics = context.metrics();
    Map<String, String> tags =
        Map.of(
            "thread-id", Thread.currentThread().getName(), TASK_TAG, context.taskId().toString());
    impacts = sensor(tags, "impacts", "impacts stored, new or revised");
    lateImpacts =
        sensor(tags, "late-impacts", "impacts stored at or before the event time already priced");
    pricedEntries = sensor(tags, "priced-entries", "ledger entries priced, first or again");
    pricingPasses = sensor(tags, "pricing-passes", "passes over the companies waiting for pricing");
  }

  private Sensor sensor(Map<String, String> tags, String operation, String description) {
    Sensor sensor =
        metrics.addSensor(GROUP + "." + tags.get(TASK_TAG) + "." + operation, RecordingLevel.INFO);
    sensor.add(
        new MetricName(operation + "-total", GROUP, "Total " + description, tags),
        new CumulativeSum());
    sensor.add(
        new MetricName(operation + "-rate", GROUP, "Per second, " + description, tags), new Rate());
    sensors.add(sensor);
    return sensor;
  }

  /** An impact stored; {@code late} when it is at or before the time already priced. */
  void impact(boolean late) {
    impacts.record();
    if (late) {
      lateImpacts.record();
    }
  }

  /** Entries of one company priced, or priced again. */
  void priced(int entries) {
    pricedEntries.record(entries);
  }

  /** A pass over the companies waiting for pricing began. */
  void pass() {
    pricingPasses.record();
  }

  void close() {
    sensors.forEach(metrics::removeSensor);
  }
}
