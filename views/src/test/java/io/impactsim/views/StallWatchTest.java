package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.views.StallWatch.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class StallWatchTest {
  private static final String THREAD = "app-1-StreamThread-1";
  private static final long WINDOW_MILLIS = 60_000;

  private final StallWatch watch = new StallWatch(Duration.ofMillis(WINDOW_MILLIS));

  @Test
  void aThreadThatPollsAndProcessesIsUp() {
    for (long t = 0; t <= 5 * WINDOW_MILLIS; t += 5_000) {
      assertThat(watch.observe(t, List.of(new Reading(THREAD, 0, t / 10.0, 100))).stalled())
          .isFalse();
    }
  }

  @Test
  void anIdleThreadWithNothingToDoIsUp() {
    for (long t = 0; t <= 5 * WINDOW_MILLIS; t += 5_000) {
      assertThat(watch.observe(t, List.of(new Reading(THREAD, 1, 42, 0))).stalled()).isFalse();
    }
  }

  @Test
  void aThreadThatHasNotPolledForAWholeWindowIsStalled() {
    assertThat(watch.observe(0, List.of(new Reading(THREAD, 59, 42, 0))).stalled()).isFalse();

    StallWatch.Verdict verdict = watch.observe(1_000, List.of(new Reading(THREAD, 60, 42, 0)));

    assertThat(verdict.stalled()).isTrue();
    assertThat(verdict.reason())
        .isEqualTo("stream thread " + THREAD + " has not polled for 60 s (stall window 60 s)");
    assertThat(watch.verdict()).isEqualTo(verdict);
  }

  @Test
  void aThreadProcessingNothingWhileRecordsWaitIsStalledAfterAWholeWindow() {
    assertThat(watch.observe(0, List.of(new Reading(THREAD, 0, 42, 7))).stalled()).isFalse();
    assertThat(watch.observe(59_999, List.of(new Reading(THREAD, 0, 42, 7))).stalled()).isFalse();

    StallWatch.Verdict verdict = watch.observe(60_000, List.of(new Reading(THREAD, 0, 42, 7)));

    assertThat(verdict.stalled()).isTrue();
    assertThat(verdict.reason())
        .isEqualTo(
            "stream thread "
                + THREAD
                + " has processed nothing for 60 s while 7 records wait (stall window 60 s)");
  }

  @Test
  void progressOrAnEmptyBacklogRestartsTheWindowAndAStallClearsOnceItEnds() {
    watch.observe(0, List.of(new Reading(THREAD, 0, 42, 7)));
    watch.observe(50_000, List.of(new Reading(THREAD, 0, 43, 7)));
    assertThat(watch.observe(100_000, List.of(new Reading(THREAD, 0, 43, 7))).stalled()).isFalse();
    watch.observe(105_000, List.of(new Reading(THREAD, 0, 43, 0)));
    assertThat(watch.observe(160_000, List.of(new Reading(THREAD, 0, 43, 7))).stalled()).isFalse();
    assertThat(watch.observe(165_000, List.of(new Reading(THREAD, 0, 43, 7))).stalled()).isTrue();

    assertThat(watch.observe(170_000, List.of(new Reading(THREAD, 0, 44, 7))).stalled()).isFalse();
  }

  @Test
  void oneStalledThreadAmongSeveralMakesTheVerdict() {
    String other = "app-1-StreamThread-2";
    watch.observe(0, List.of(new Reading(THREAD, 0, 1, 5), new Reading(other, 0, 1, 5)));

    StallWatch.Verdict verdict =
        watch.observe(60_000, List.of(new Reading(THREAD, 0, 9, 5), new Reading(other, 0, 1, 5)));

    assertThat(verdict.stalled()).isTrue();
    assertThat(verdict.reason()).contains(other).doesNotContain(THREAD);
  }

  @Test
  void aConsumerThatNeverPolledIsNotTakenForAStalledOne() {
    // Before its first poll a consumer reports -1, or the seconds since 1970.
    assertThat(watch.observe(0, List.of(new Reading(THREAD, -1, 0, 0))).stalled()).isFalse();
    assertThat(watch.observe(0, List.of(new Reading(THREAD, 1.7e9, 0, 0))).stalled()).isFalse();
  }

  @Test
  void resetForgetsAStall() {
    watch.observe(0, List.of(new Reading(THREAD, 120, 0, 0)));
    assertThat(watch.verdict().stalled()).isTrue();

    watch.reset();

    assertThat(watch.verdict().stalled()).isFalse();
  }

  @Test
  void overRandomHistoriesAStallIsReportedExactlyWhenAWindowPassedWithoutProgress() {
    SplittableRandom random = new SplittableRandom(16);
    for (int run = 0; run < 500; run++) {
      StallWatch w = new StallWatch(Duration.ofMillis(WINDOW_MILLIS));
      long t = 0;
      double processed = 0;
      long progressAt = 0;
      for (int step = 0; step < 40; step++) {
        t += random.nextLong(1, 30_000);
        boolean advances = random.nextInt(4) == 0;
        boolean waiting = random.nextInt(3) != 0;
        if (advances) {
          processed++;
        }
        if (advances || !waiting || step == 0) {
          progressAt = t;
        }
        boolean expected = waiting && !advances && step > 0 && t - progressAt >= WINDOW_MILLIS;
        boolean stalled =
            w.observe(t, List.of(new Reading(THREAD, 0, processed, waiting ? 3 : 0))).stalled();
        assertThat(stalled).as("run %d step %d at %d ms", run, step, t).isEqualTo(expected);
      }
    }
  }

  @Test
  void readingsComeFromTheThreadAndItsMainConsumerMetrics() {
    Map<MetricName, Metric> metrics =
        Map.of(
            name("process-total", "stream-thread-metrics", Map.of("thread-id", THREAD)),
            value(12),
            name(
                "last-poll-seconds-ago",
                "consumer-metrics",
                Map.of("client-id", THREAD + "-consumer")),
            value(3),
            name(
                "last-poll-seconds-ago",
                "consumer-metrics",
                Map.of("client-id", THREAD + "-restore-consumer")),
            value(999),
            name(
                "records-lag",
                "consumer-fetch-manager-metrics",
                Map.of("client-id", THREAD + "-consumer", "topic", "t", "partition", "0")),
            value(4),
            name(
                "records-lag",
                "consumer-fetch-manager-metrics",
                Map.of("client-id", THREAD + "-consumer", "topic", "t", "partition", "1")),
            value(5));

    assertThat(StreamThreadReadings.read(metrics)).containsExactly(new Reading(THREAD, 3, 12, 9));
  }

  private static MetricName name(String name, String group, Map<String, String> tags) {
    return new MetricName(name, group, "", tags);
  }

  private static Metric value(double v) {
    return new Metric() {
      @Override
      public MetricName metricName() {
        return null;
      }

      @Override
      public Object metricValue() {
        return v;
      }
    };
  }
}
