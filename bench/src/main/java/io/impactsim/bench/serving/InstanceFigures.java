package io.impactsim.bench.serving;

import java.time.Duration;

/**
 * What one start of an instance measured.
 *
 * @param phase which start: the first one of the application, or a restart on a clean state dir
 * @param toRunning from the start to Kafka Streams RUNNING ({@code ImpactsimStreams.start})
 * @param toReady from the start to {@code /ready} answering 200
 * @param toSnapshot from the start to a new live-stream client's {@code replayed} event
 * @param snapshot from the successful client's connect to its {@code replayed} event
 * @param snapshotAttempts clients that connected until one got its snapshot (the others were told
 *     {@code unavailable})
 * @param snapshotEntries snapshot events the client received
 * @param snapshotBytes bytes of the response until {@code replayed}
 * @param restored records the stores restored before RUNNING
 * @param restoring from the first store's restoration start to the last one's end
 * @param heapBaseline heap used after a full GC before the instance was created
 * @param heapAfterGc heap used after a full GC once the instance is ready and has served a snapshot
 * @param heapPeak sum of the heap pools' peaks from the start to the snapshot
 * @param rss the process's resident set size at the end, or -1 where unknown
 * @param metricsBytes bytes of one {@code /metrics} scrape
 * @param metricsSeries samples (series) in that scrape
 * @param marketCapSeries of which {@code impactsim_market_cap_usd}
 */
public record InstanceFigures(
    String phase,
    Duration toRunning,
    Duration toReady,
    Duration toSnapshot,
    Duration snapshot,
    int snapshotAttempts,
    long snapshotEntries,
    long snapshotBytes,
    long restored,
    Duration restoring,
    long heapBaseline,
    long heapAfterGc,
    long heapPeak,
    long rss,
    long metricsBytes,
    long metricsSeries,
    long marketCapSeries) {

  /** Heap the instance holds: after GC, less the baseline. */
  public long instanceHeap() {
    return heapAfterGc - heapBaseline;
  }
}
