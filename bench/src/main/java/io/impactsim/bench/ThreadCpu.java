package io.impactsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by a contender's own threads (Kafka Streams names them after the application id):
 * stream threads, their producers and consumers. Unlike a rate it hardly depends on what else the
 * machine runs, so it compares the contenders' work per event on a busy machine too; the broker's
 * share of the work is not in it.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /** CPU nanoseconds of the live threads whose name contains {@code applicationId}. */
  static long of(String applicationId) {
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().contains(applicationId)) {
        long ns = THREADS.getThreadCpuTime(t.getId());
        total += Math.max(0, ns);
      }
    }
    return total;
  }
}
