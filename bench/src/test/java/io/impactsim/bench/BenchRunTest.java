package io.impactsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny benchmark run on the sandbox broker: checks the harness works, never a speed. */
@KafkaSandboxTest
class BenchRunTest {
  private static final long EVENTS = 2_000;
  private static final int COMPANIES = 50;

  @TempDir Path stateDir;

  @Test
  void everyContenderAccountsForEveryEventAndTheReportHasAllFigures(KafkaEnvironment env)
      throws Exception {
    BenchOptions options =
        new BenchOptions(
            EVENTS,
            COMPANIES,
            7,
            0,
            1,
            2,
            Duration.ofMillis(100),
            List.of(1_000),
            Duration.ofMillis(500),
            stateDir,
            Duration.ofMinutes(2));

    BenchReport report =
        new BenchRun(env.settings(env.uniqueName("bench")), options, silent()).run();

    assertThat(report.published()).isEqualTo(EVENTS);
    assertThat(report.events()).isEqualTo(EVENTS - COMPANIES);
    for (Throughput t : new Throughput[] {report.consumer(), report.counting(), report.views()}) {
      assertThat(t.runs()).hasSize(1);
      assertThat(t.minEvents()).as(t.name()).isEqualTo(report.events());
      assertThat(t.medianEventsPerSecond()).as(t.name()).isPositive();
    }
    // A writes nothing; C stores every contract and publishes every event's reactions.
    assertThat(report.consumer().runs().get(0).written()).isZero();
    assertThat(report.counting().runs().get(0).written()).isPositive();
    assertThat(report.views().runs().get(0).written()).isGreaterThan(report.events());
    assertThat(report.viewsOverConsumer()).isPositive();
    assertThat(report.viewsOverCounting()).isPositive();
    Latency latency = report.latency().get(0);
    assertThat(latency.rate()).isEqualTo(1_000);
    // Half a second at 1,000 events/s, at least the profiles and ten events; the first tenth warms
    // up.
    assertThat(latency.published()).isEqualTo(500 - COMPANIES - 500 / 10);
    assertThat(latency.measured()).isPositive().isLessThanOrEqualTo((int) latency.published());
    assertThat(latency.percentile(50)).isPositive().isLessThanOrEqualTo(latency.max());
    assertThat(report.render())
        .contains(
            "A plain consumer", "B Streams", "C impactsim", "p99", "offsets written per event");
  }

  private static PrintStream silent() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
