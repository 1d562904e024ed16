package io.impactsim.views;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides from Kafka Streams' own metrics whether a stream thread has stalled: its consumer has not
 * polled for a whole window, or it has processed nothing for a whole window while records wait (lag
 * above zero). A thread stuck in one record does both; the state of the application still says
 * RUNNING, so the health probe asks this instead.
 */
public final class StallWatch {
  /** A poll longer ago than this was never made: the consumer reports the time since 1970. */
  private static final double NEVER_POLLED_SECONDS = 10L * 365 * 24 * 3600;

  /**
   * What one stream thread's metrics said at one moment.
   *
   * @param thread the stream thread's id
   * @param secondsSincePoll its consumer's {@code last-poll-seconds-ago}; negative if unknown
   * @param processed its {@code process-total}
   * @param lag the sum of its consumer's {@code records-lag} over its partitions
   */
  public record Reading(String thread, double secondsSincePoll, double processed, double lag) {}

  /** Whether the application is stalled, and why in words. */
  public record Verdict(boolean stalled, String reason) {
    public static final Verdict OK = new Verdict(false, "");
  }

  private record Progress(double processed, long atMillis) {}

  private final Duration window;
  private final Map<String, Progress> progress = new HashMap<>();
  private volatile Verdict verdict = Verdict.OK;

  public StallWatch(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("stall window must be positive, was " + window);
    }
    this.window = window;
  }

  public Duration window() {
    return window;
  }

  /** The verdict of the latest observation. */
  public Verdict verdict() {
    return verdict;
  }

  /** Forgets what was seen, e.g. while the application is not running. */
  public synchronized void reset() {
    progress.clear();
    verdict = Verdict.OK;
  }

  /** Takes in the readings of every stream thread at {@code nowMillis} and returns the verdict. */
  public synchronized Verdict observe(long nowMillis, List<Reading> readings) {
    Verdict found = Verdict.OK;
    Set<String> seen = new HashSet<>();
    for (Reading r : readings) {
      seen.add(r.thread());
      Verdict v = judge(nowMillis, r);
      if (v.stalled() && !found.stalled()) {
        found = v;
      }
    }
    progress.keySet().retainAll(seen);
    verdict = found;
    return found;
  }

  private Verdict judge(long nowMillis, Reading r) {
    double since = r.secondsSincePoll();
    if (since >= 0 && since < NEVER_POLLED_SECONDS && since * 1000 >= window.toMillis()) {
      return new Verdict(
          true,
          String.format(
              "stream thread %s has not polled for %.0f s (stall window %d s)",
              r.thread(), since, window.toSeconds()));
    }
    Progress last = progress.get(r.thread());
    boolean waiting = r.lag() > 0;
    if (last == null || !waiting || r.processed() != last.processed()) {
      progress.put(r.thread(), new Progress(r.processed(), nowMillis));
      return Verdict.OK;
    }
    long stuckMillis = nowMillis - last.atMillis();
    if (stuckMillis >= window.toMillis()) {
      return new Verdict(
          true,
          String.format(
              "stream thread %s has processed nothing for %d s while %.0f records wait (stall"
                  + " window %d s)",
              r.thread(), stuckMillis / 1000, r.lag(), window.toSeconds()));
    }
    return Verdict.OK;
  }
}
