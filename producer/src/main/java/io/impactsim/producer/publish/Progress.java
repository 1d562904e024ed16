package io.impactsim.producer.publish;

import io.impactsim.producer.progress.ProgressBars;
import me.tongfei.progressbar.ProgressBar;

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

  /**
   * Count, rate and ETA on stderr (a bar on a terminal, plain lines elsewhere); the ETA needs the
   * expected total (or -1).
   */
  static Progress bar(long expectedTotal) {
    ProgressBar bar = ProgressBars.start("publishing", expectedTotal, " events", true);
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
