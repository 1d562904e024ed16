package io.impactsim.producer.progress;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long task on stderr: a bar redrawn in place on a terminal; elsewhere (a pipe, a log
 * file, CI) a plain line every {@link #PLAIN_INTERVAL_MILLIS}, so that no carriage-return frames
 * end up in logs.
 */
public final class ProgressBars {
  /** How often a plain progress line is written when stderr is not a terminal. */
  public static final int PLAIN_INTERVAL_MILLIS = 10_000;

  private ProgressBars() {}

  /**
   * A progress bar for {@code task}, counting {@code unit}s up to {@code max} (-1 when unknown).
   *
   * @param rate whether to show the rate per second
   */
  public static ProgressBar start(String task, long max, String unit, boolean rate) {
    return start(task, max, unit, rate, System.console() != null, System.err);
  }

  static ProgressBar start(
      String task, long max, String unit, boolean rate, boolean terminal, PrintStream err) {
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(max)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(unit, 1)
            .setMaxRenderedLength(100);
    if (rate) {
      builder.showSpeed().setSpeedUnit(ChronoUnit.SECONDS);
    }
    if (terminal) {
      builder.setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250);
    } else {
      builder
          .setConsumer(new DelegatingProgressBarConsumer(line -> err.println(line.strip()), 100))
          .setUpdateIntervalMillis(PLAIN_INTERVAL_MILLIS);
    }
    return builder.build();
  }
}
