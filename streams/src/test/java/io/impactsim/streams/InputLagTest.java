package io.impactsim.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class InputLagTest {
  private static final List<String> TOPICS = List.of("mc.deals.v1", "mc.earnings.v1");

  private final Map<MetricName, Metric> metrics = new HashMap<>();
  private final InputLag lag = new InputLag(Duration.ZERO);

  private void lag(String metric, String group, String topic, int partition, Object value) {
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
            return value;
          }
        });
  }

  private void recordsLag(String topic, int partition, double value) {
    lag("records-lag", "consumer-fetch-manager-metrics", topic, partition, value);
  }

  @Test
  void withoutAnApplicationEveryInputCountsAsReadToItsEnd() {
    assertThat(lag.readToEnd(TOPICS, 0)).isTrue();
  }

  @Test
  void readToEndWhenEveryFetchedTopicOfThePartitionHasNoLag() {
    lag.watch(() -> metrics);
    assertThat(lag.readToEnd(TOPICS, 1)).as("nothing fetched yet").isFalse();

    recordsLag("mc.deals.v1", 1, 0);
    recordsLag("mc.earnings.v1", 1, 3);
    recordsLag("mc.earnings.v1", 2, 0);
    assertThat(lag.readToEnd(TOPICS, 1)).isFalse();
    assertThat(lag.readToEnd(TOPICS, 2)).as("only the earnings partition fetched").isTrue();

    recordsLag("mc.earnings.v1", 1, 0);
    assertThat(lag.readToEnd(TOPICS, 1)).isTrue();
  }

  @Test
  void otherTopicsMetricsAndUnknownValuesDoNotCount() {
    lag.watch(() -> metrics);
    recordsLag("mc.deals.v1", 0, 0);
    recordsLag("mc.companies.v1", 0, 42);
    lag("records-lead", "consumer-fetch-manager-metrics", "mc.deals.v1", 0, 7.0);
    assertThat(lag.readToEnd(TOPICS, 0)).isTrue();

    recordsLag("mc.earnings.v1", 0, Double.NaN);
    assertThat(lag.readToEnd(TOPICS, 0)).isFalse();
  }

  @Test
  void metricsFoundByOneScanAreReadLiveUntilTheNextScan() {
    InputLag cached = new InputLag(Duration.ofHours(1));
    AtomicInteger scans = new AtomicInteger();
    cached.watch(
        () -> {
          scans.incrementAndGet();
          return metrics;
        });
    AtomicReference<Double> deals = new AtomicReference<>(4.0);
    MetricName name =
        new MetricName(
            "records-lag",
            "consumer-fetch-manager-metrics",
            "",
            Map.of("topic", "mc_deals_v1", "partition", "0"));
    metrics.put(
        name,
        new Metric() {
          @Override
          public MetricName metricName() {
            return name;
          }

          @Override
          public Object metricValue() {
            return deals.get();
          }
        });

    assertThat(cached.readToEnd(TOPICS, 0)).isFalse();
    deals.set(0.0);
    assertThat(cached.readToEnd(TOPICS, 0)).isTrue();
    recordsLag("mc.earnings.v1", 0, 9);
    assertThat(cached.readToEnd(TOPICS, 0)).as("not seen before the next scan").isTrue();
    assertThat(scans).hasValue(1);
  }
}
