package io.impactsim.bench.serving;

import io.impactsim.serve.ServeOptions;
import io.impactsim.serve.ViewServer;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Starts one instance as the {@code streams} command does (ImpactsimStreams, then the ViewServer)
 * and measures its way to serving: RUNNING, {@code /ready}, a live-stream client's snapshot, a
 * {@code /metrics} scrape, and its memory once it serves.
 */
final class InstanceProbe {
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration METRICS_WAIT = Duration.ofMinutes(2);

  private InstanceProbe() {}

  static InstanceFigures run(
      String phase,
      KafkaSettings settings,
      StreamsOptions streamsOptions,
      ServeOptions serveOptions,
      long expectedMarketCapSeries,
      Duration timeout,
      PrintStream log)
      throws InterruptedException, TimeoutException, IOException {
    long baseline = heapAfterGc();
    resetHeapPeaks();
    Restores restores = new Restores();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    try (ImpactsimStreams app = new ImpactsimStreams(settings, streamsOptions)) {
      app.streams().setGlobalStateRestoreListener(restores);
      app.start(timeout);
      Duration toRunning = since(start);
      log.printf("%s: RUNNING after %s%n", phase, toRunning);
      try (ViewServer server = new ViewServer(app, settings, serveOptions).start()) {
        HttpProbe http = new HttpProbe(server.url());
        http.awaitReady(deadline);
        Duration toReady = since(start);
        log.printf("%s: /ready 200 after %s%n", phase, toReady);
        int attempts = 0;
        HttpProbe.Snapshot snapshot;
        long connected;
        do {
          if (attempts > 0) {
            Thread.sleep(RETRY.toMillis());
          }
          attempts++;
          connected = System.nanoTime();
          snapshot = http.snapshot();
          if (snapshot.unavailable() != null) {
            log.printf("%s: snapshot attempt %d: %s%n", phase, attempts, snapshot.unavailable());
            if (System.nanoTime() > deadline) {
              throw new TimeoutException("no snapshot in time: " + snapshot.unavailable());
            }
          }
        } while (snapshot.unavailable() != null);
        Duration toSnapshot = since(start);
        Duration snapshotTook = since(connected);
        long heapPeak = heapPeaks();
        log.printf(
            "%s: snapshot of %,d entries after %s (this client: %s)%n",
            phase, snapshot.entries(), toSnapshot, snapshotTook);
        // The market-cap series come from a snapshot of their own, taken once the instance runs.
        long scrapeDeadline = Math.min(deadline, System.nanoTime() + METRICS_WAIT.toNanos());
        HttpProbe.Scrape scrape = http.scrape();
        while (scrape.marketCapSeries() < expectedMarketCapSeries
            && System.nanoTime() < scrapeDeadline) {
          Thread.sleep(RETRY.toMillis());
          scrape = http.scrape();
        }
        long heap = heapAfterGc();
        return new InstanceFigures(
            phase,
            toRunning,
            toReady,
            toSnapshot,
            snapshotTook,
            attempts,
            snapshot.entries(),
            snapshot.bytes(),
            restores.records.get(),
            restores.duration(),
            baseline,
            heap,
            heapPeak,
            rss(),
            scrape.bytes(),
            scrape.series(),
            scrape.marketCapSeries());
      }
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Heap used after a few full collections, so that only what is reachable remains. */
  static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** VmRSS of this process in bytes, or -1 where /proc is not there. */
  static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: the figure is left out.
    }
    return -1;
  }

  /** Counts what the stores restore and when restoration starts and ends. */
  private static final class Restores implements StateRestoreListener {
    final AtomicLong records = new AtomicLong();
    final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    @Override
    public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
      first.accumulateAndGet(System.nanoTime(), Math::min);
    }

    @Override
    public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long restored) {
      records.addAndGet(restored);
    }

    @Override
    public void onRestoreEnd(TopicPartition tp, String store, long totalRestored) {
      last.accumulateAndGet(System.nanoTime(), Math::max);
    }

    Duration duration() {
      long f = first.get();
      long l = last.get();
      return f == Long.MAX_VALUE || l < f ? Duration.ZERO : Duration.ofNanos(l - f);
    }
  }
}
