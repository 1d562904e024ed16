package io.impactsim.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Closes a long-running command within a bound after SIGTERM: a stream thread that does not stop
 * (stuck in one record) must not keep the process alive until an orchestrator kills it.
 */
final class BoundedShutdown {
  /**
   * How long the close may take before the process halts; Kafka Streams itself gets 30 s of it.
   * Container stop grace periods (docker/compose.yaml) are set above it.
   */
  static final Duration BOUND = Duration.ofSeconds(40);

  /** The exit code of a process ended by SIGTERM (128 + 15), whether or not its close finished. */
  static final int EXIT_CODE = 143;

  private BoundedShutdown() {}

  /**
   * Runs {@code close}; if it has not returned within {@code bound}, says so on {@code err} and
   * calls {@code halt} with {@link #EXIT_CODE}.
   */
  static void run(Runnable close, Duration bound, PrintStream err, IntConsumer halt) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(bound.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              err.println(
                  "impactsim: the application did not close within "
                      + bound.toSeconds()
                      + " s; exiting without waiting further");
              err.flush();
              halt.accept(EXIT_CODE);
            },
            "shutdown-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      close.run();
    } finally {
      watchdog.interrupt();
    }
  }
}
