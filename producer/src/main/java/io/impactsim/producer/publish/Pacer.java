package io.impactsim.producer.publish;

import java.time.Duration;
import java.time.Instant;

/**
 * Holds each event back until its place on a scaled timeline: the first event goes at once, and an
 * event {@code t} later in event time goes {@code t / factor} later in wall time. Sleeping against
 * the timeline, not between events, keeps the error from adding up over a long replay. Events
 * earlier than one already sent go at once.
 */
public final class Pacer {
  private final Speed speed;
  private final PacingClock clock;
  private Instant firstEventTime;
  private long startNanos;

  public Pacer(Speed speed, PacingClock clock) {
    this.speed = speed;
    this.clock = clock;
  }

  /** Waits until the event at {@code eventTime} is due. */
  public void awaitTurn(Instant eventTime) throws InterruptedException {
    if (speed.isMax()) {
      return;
    }
    if (firstEventTime == null) {
      firstEventTime = eventTime;
      startNanos = clock.nanoTime();
      return;
    }
    Duration sinceFirst = Duration.between(firstEventTime, eventTime);
    if (sinceFirst.isNegative()) {
      return;
    }
    long due = startNanos + speed.wallTimeFor(sinceFirst).toNanos();
    long wait = due - clock.nanoTime();
    if (wait > 0) {
      clock.sleepNanos(wait);
    }
  }
}
