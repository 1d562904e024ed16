package io.impactsim.bench.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.views.View;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny serving benchmark on the sandbox broker: checks what it counts, never a speed. */
@KafkaSandboxTest
class ServingBenchTest {
  private static final long RECORDS = 300;
  private static final int COMPANIES = 20;
  private static final int METRICS_COMPANIES = 5;

  @TempDir Path stateDir;

  @Test
  void bothStartsServeASnapshotOfEveryKeyAndTheRestartRestoresEveryRecord(KafkaEnvironment env)
      throws Exception {
    ServingBenchOptions options =
        new ServingBenchOptions(
            RECORDS,
            ViewMix.DEFAULT,
            COMPANIES,
            11,
            2,
            METRICS_COMPANIES,
            stateDir,
            Duration.ofMinutes(2));

    ServingBenchReport report =
        new ServingBench(env.settings(env.uniqueName("serving")), options, silent()).run();

    long keys = report.keys().values().stream().mapToLong(Long::longValue).sum();
    assertThat(report.keys()).containsEntry(View.MARKET_CAP, (long) COMPANIES);
    assertThat(report.starts()).hasSize(2);
    for (InstanceFigures start : report.starts()) {
      assertThat(start.snapshotEntries()).as(start.phase()).isEqualTo(keys);
      assertThat(start.snapshotBytes()).as(start.phase()).isPositive();
      assertThat(start.marketCapSeries()).as(start.phase()).isEqualTo(3L * METRICS_COMPANIES);
      assertThat(start.metricsSeries()).isGreaterThan(start.marketCapSeries());
      assertThat(start.heapAfterGc()).isPositive();
    }
    // The first start reads the view topics as input; the restart restores them up to the offsets
    // the first one committed.
    assertThat(report.starts().get(0).restored()).isZero();
    assertThat(report.starts().get(1).restored()).isEqualTo(RECORDS);
    assertThat(report.render()).contains("first start", "restart, clean state", "/metrics bytes");
  }

  private static PrintStream silent() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
