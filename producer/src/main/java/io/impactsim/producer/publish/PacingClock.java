package io.impactsim.producer.publish;

/** The time source and sleeper pacing uses; replaced by a fake in tests to assert the sleeps. */
public interface PacingClock {
  /** Monotonic time in nanoseconds. */
  long nanoTime();

  void sleepNanos(long nanos) throws InterruptedException;

  /** The real clock. */
  PacingClock SYSTEM =
      new PacingClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        }
      };
}
