package io.impactsim.cli.crash;

import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.ViewReader;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the records of a topic that a read_committed consumer sees, whatever their format. */
final class CommittedRecords {
  private CommittedRecords() {}

  static long count(KafkaSettings settings, String topic, Duration timeout)
      throws TimeoutException {
    AtomicLong count = new AtomicLong();
    ViewReader.scanRaw(settings, topic, timeout, r -> count.incrementAndGet());
    return count.get();
  }
}
