package io.impactsim.views.events;

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
 * What an event task does, as Kafka Streams metrics of the group {@value #GROUP}, tagged {@code
 * thread-id} and {@value #TASK_TAG} (the task id); each is a {@code -total} and a per-second {@code
 * -rate}. Changes sent against events applied is how well the pending sums coalesce: well below one
 * per event at a high rate, about one per event and company at a low one.
 */
final class EventMetrics {
  /** The metric group of the event pass's metrics. */
  static final String GROUP = "stream-impactsim-event-metrics";

  /** The tag that names the event task. */
  static final String TASK_TAG = "impactsim-task-id";

  private final StreamsMetrics metrics;
  private final List<Sensor> sensors = new ArrayList<>();
  final Sensor events;
  final Sensor skipped;
  final Sensor repriced;
  final Sensor changesSent;

  EventMetrics(ProcessorContext<?, ?> context) {
    this.metrics = context.metrics();
    Map<String, String> tags =
        Map.of(
            "thread-id", Thread.currentThread().getName(), TASK_TAG, context.taskId().toString());
    events = sensor(tags, "events", "input events applied");
    skipped =
        sensor(
            tags,
            "skipped",
            "input events not applied: already applied, or older than a full earnings history");
    repriced = sensor(tags, "repriced", "events priced again after a late report of their entity");
    changesSent = sensor(tags, "changes-sent", "summed changes sent to the totals, one per target");
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

  void close() {
    sensors.forEach(metrics::removeSensor);
  }
}
