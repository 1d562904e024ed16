package io.impactsim.producer.publish;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Callback;

/**
 * The book-keeping of one publish run: which events are sent but not yet confirmed, what was
 * confirmed, and the first failure. Callbacks run on the producer's I/O thread, hence the
 * concurrent structures.
 */
final class PublishRun {
  /** Sent but unconfirmed events by input position; what is left after a flush has failed. */
  private final ConcurrentSkipListMap<Long, String> unconfirmed = new ConcurrentSkipListMap<>();

  private final Map<EventType, LongAdder> confirmed = new EnumMap<>(EventType.class);
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Progress progress;
  private final long startNanos;
  private long position;

  PublishRun(Progress progress, long startNanos) {
    this.progress = progress;
    this.startNanos = startNanos;
    for (EventType t : EventType.values()) {
      confirmed.put(t, new LongAdder());
    }
  }

  /** Registers the next event before its send and returns the callback that settles it. */
  Callback track(InputEvent event) {
    long at = position++;
    unconfirmed.put(at, event.eventId());
    LongAdder counter = confirmed.get(event.type());
    return (metadata, exception) -> {
      if (exception == null) {
        unconfirmed.remove(at);
        counter.increment();
        progress.confirmed();
      } else {
        failure.compareAndSet(null, exception);
      }
    };
  }

  /** Records a failure that happened before the broker saw the event (e.g. serialization). */
  void failed(Exception e) {
    failure.compareAndSet(null, e);
  }

  boolean hasFailed() {
    return failure.get() != null;
  }

  PublishReport report(long nowNanos) {
    Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    confirmed.forEach((t, n) -> counts.put(t, n.sum()));
    return new PublishReport(counts, Duration.ofNanos(nowNanos - startNanos));
  }

  /**
   * After a flush: the failure with the first unconfirmed event in input order, or null if every
   * sent event was confirmed.
   */
  PublishFailedException outcome(long nowNanos) {
    Exception cause = failure.get();
    if (cause == null && unconfirmed.isEmpty()) {
      return null;
    }
    if (cause == null) {
      cause = new IllegalStateException(unconfirmed.size() + " events were never confirmed");
    }
    return new PublishFailedException(report(nowNanos), unconfirmed.firstEntry().getValue(), cause);
  }
}
