package io.impactsim.tools;

import java.time.Duration;

/**
 * What a replay did and how fast.
 *
 * @param namespace the namespace replayed into
 * @param copy the copy of the log
 * @param processing how long the streams application took to process the copied events
 * @param elapsed the whole replay, from the first deletion to the caught-up views
 */
public record ReplayReport(
    Namespace namespace, CopyReport copy, Duration processing, Duration elapsed) {

  /** Events per second over the whole replay. */
  public double rate() {
    return copy.read() / (Math.max(elapsed.toNanos(), 1) / 1e9);
  }
}
