package io.impactsim.producer.publish;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a publish run as confirmations arrive; called from the producer's I/O thread. */
interface Progress extends AutoCloseable {
  void confirmed();

  @Override
  void close();

  Progress NONE =
      new Progress() {
        @Override
        public void confirmed() {}

        @Override
        public void close() {}
      };

  /** A bar on stderr with count, rate and ETA; the ETA needs the expected total (or -1). */
  static Progress bar(long expectedTotal) {
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("publishing")
            .setInitialMax(expectedTotal)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(250)
            .setUnit(" events", 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setMaxRenderedLength(100)
            .build();
    return new Progress() {
      @Override
      public void confirmed() {
        bar.step();
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
