package io.impactsim.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InputLagTest {
  private static final List<String> TOPICS = List.of("mc.deals.v1", "mc.earnings.v1");

  private final LagMetrics metrics = new LagMetrics();
  private final InputLag lag = new InputLag(Duration.ZERO);

  @Test
  void withoutAnApplicationEveryInputCountsAsReadToItsEnd() {
    assertThat(lag.readToEnd(TOPICS, 0)).isTrue();
  }

  @Test
  void readToEndWhenEveryFetchedTopicOfThePartitionHasNoLag() {
    lag.watch(metrics);
    assertThat(lag.readToEnd(TOPICS, 1)).as("nothing fetched yet").isFalse();

    metrics.recordsLag("mc.deals.v1", 1, 0);
    metrics.recordsLag("mc.earnings.v1", 1, 3);
    metrics.recordsLag("mc.earnings.v1", 2, 0);
    assertThat(lag.readToEnd(TOPICS, 1)).isFalse();
    assertThat(lag.readToEnd(TOPICS, 2)).as("only the earnings partition fetched").isTrue();

    metrics.recordsLag("mc.earnings.v1", 1, 0);
    assertThat(lag.readToEnd(TOPICS, 1)).isTrue();
  }

  @Test
  void otherTopicsMetricsAndUnknownValuesDoNotCount() {
    lag.watch(metrics);
    metrics.recordsLag("mc.deals.v1", 0, 0);
    metrics.recordsLag("mc.companies.v1", 0, 42);
    metrics.put("records-lead", "consumer-fetch-manager-metrics", "mc.deals.v1", 0, () -> 7.0);
    assertThat(lag.readToEnd(TOPICS, 0)).isTrue();

    metrics.recordsLag("mc.earnings.v1", 0, Double.NaN);
    assertThat(lag.readToEnd(TOPICS, 0)).isFalse();
  }

  @Test
  void metricsFoundByOneScanAreReadLiveUntilTheNextScan() {
    InputLag cached = new InputLag(Duration.ofHours(1));
    AtomicInteger scans = new AtomicInteger();
    cached.watch(
        () -> {
          scans.incrementAndGet();
          return metrics.get();
        });
    AtomicReference<Object> deals = new AtomicReference<>(4.0);
    metrics.recordsLag("mc.deals.v1", 0, deals::get);

    assertThat(cached.readToEnd(TOPICS, 0)).isFalse();
    deals.set(0.0);
    assertThat(cached.readToEnd(TOPICS, 0)).isTrue();
    metrics.recordsLag("mc.earnings.v1", 0, 9);
    assertThat(cached.readToEnd(TOPICS, 0)).as("not seen before the next scan").isTrue();
    assertThat(scans).hasValue(1);
  }
}
