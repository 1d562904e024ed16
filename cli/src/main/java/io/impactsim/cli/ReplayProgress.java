package io.impactsim.cli;

import io.impactsim.producer.progress.ProgressBars;
import io.impactsim.tools.ReplayListener;
import io.impactsim.tools.ReplayReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * Progress on stderr for each phase of a replay (copying, processing): a bar on a terminal, plain
 * lines elsewhere; and the speed once it is done.
 */
final class ReplayProgress implements ReplayListener {
  private ProgressBar bar;

  @Override
  public void started(String phase, long total) {
    bar = ProgressBars.start(phase, total, " events", true);
  }

  @Override
  public void advanced(long done) {
    bar.stepTo(done);
  }

  @Override
  public void finished() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  /** One line on what the replay did and how fast. */
  static void summary(PrintWriter out, ReplayReport r) {
    out.printf(
        Locale.ROOT,
        "Replayed %,d events into %s (%,d left out, %,d amended, %,d added):"
            + " copied in %s (%,.0f events/s), processed in %s; %s in all (%,.0f events/s).%n",
        r.copy().read(),
        r.namespace().prefix(),
        r.copy().left(),
        r.copy().amended(),
        r.copy().added(),
        seconds(r.copy().elapsed()),
        r.copy().rate(),
        seconds(r.processing()),
        seconds(r.elapsed()),
        r.rate());
    out.flush();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
