package io.impactsim.tools;

import java.time.Duration;

/**
 * What a copy of the log did.
 *
 * @param read records read from the live input topics
 * @param written records written to the namespace's input topics, added events included
 * @param left records left out (removed or after the cut-off)
 * @param amended records changed on the way
 * @param added events added
 * @param elapsed how long the copy took
 */
public record CopyReport(
    long read, long written, long left, long amended, long added, Duration elapsed) {

  /** Records read per second. */
  public double rate() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return read / seconds;
  }
}
