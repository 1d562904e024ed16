package io.impactsim.tools;

/**
 * Follows a replay phase by phase (copying the log, then processing it), e.g. to draw a progress
 * bar; called from the replaying thread.
 */
public interface ReplayListener {
  ReplayListener NONE = new ReplayListener() {};

  /** A phase starts; {@code total} events are to go through it. */
  default void started(String phase, long total) {}

  /** {@code done} events of the current phase have gone through it so far. */
  default void advanced(long done) {}

  /** The current phase is over, successfully or not. */
  default void finished() {}
}
