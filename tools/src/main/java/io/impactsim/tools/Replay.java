package io.impactsim.tools;

import io.impactsim.views.ImpactsimStreams;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.CloseOptions;

/**
 * Rebuilds the views in a namespace from the live log: deletes what the namespace held, copies the
 * live input topics into it with the edits applied ({@link LogCopier}), then runs an ordinary
 * streams application on the namespace until it has processed every copied event.
 */
public final class Replay {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private Replay() {}

  /**
   * Runs a replay.
   *
   * @param timeout for each phase (deleting, copying, starting, processing)
   */
  public static ReplayReport run(
      Namespace namespace, EventEdits edits, ReplayListener listener, Duration timeout)
      throws InterruptedException, TimeoutException {
    long started = System.nanoTime();
    Namespaces.delete(namespace, timeout);
    CopyReport copy = new LogCopier(namespace, edits, listener).copy(timeout);
    long processing = System.nanoTime();
    try (ImpactsimStreams app = new ImpactsimStreams(namespace.settings(), namespace.options())) {
      app.start(timeout);
      new ProcessingWatch(namespace, listener).follow(app.streams(), timeout);
      app.awaitCaughtUp(timeout);
      stop(app);
    }
    long done = System.nanoTime();
    return new ReplayReport(
        namespace, copy, Duration.ofNanos(done - processing), Duration.ofNanos(done - started));
  }

  /**
   * Stops the application and leaves its group at once: by default Kafka Streams stays a member
   * until the session times out, and the namespace could not be deleted or reset until then.
   */
  static void stop(ImpactsimStreams app) {
    app.streams()
        .close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
  }
}
