package io.impactsim.views.reliability;

import io.impactsim.producer.InputEvent;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/** Events as the publisher takes them, counting how many it has taken so far. */
final class BrokerRestartEvents implements Iterable<InputEvent> {
  private final Iterable<InputEvent> events;
  private final AtomicLong handedOut = new AtomicLong();

  BrokerRestartEvents(Iterable<InputEvent> events) {
    this.events = events;
  }

  /** Events taken so far; the publisher takes each one just before it paces and sends it. */
  long handedOut() {
    return handedOut.get();
  }

  @Override
  public Iterator<InputEvent> iterator() {
    Iterator<InputEvent> inner = events.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return inner.hasNext();
      }

      @Override
      public InputEvent next() {
        InputEvent next = inner.next();
        handedOut.incrementAndGet();
        return next;
      }
    };
  }
}
