package io.impactsim.producer.publish;

import io.impactsim.producer.InputEvent;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;

/** Lazy views of an event sequence: a window of event time, or everything from a resume point. */
public final class EventSelection {
  private EventSelection() {}

  /** Events with {@code from <= occurredAt < to}; an empty bound is open. */
  public static Iterable<InputEvent> between(
      Iterable<InputEvent> events, Optional<Instant> from, Optional<Instant> to) {
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException(
          "--from " + from.get() + " must be before --to " + to.get());
    }
    return filtered(
        events,
        e ->
            from.map(f -> !e.occurredAt().isBefore(f)).orElse(true)
                && to.map(t -> e.occurredAt().isBefore(t)).orElse(true));
  }

  /**
   * The events from the one with the given id on, in order. Fails when the sequence ends without
   * it, so a mistyped id cannot quietly publish nothing.
   */
  public static Iterable<InputEvent> resumeFrom(Iterable<InputEvent> events, String eventId) {
    return () ->
        new Iterator<>() {
          private final Iterator<InputEvent> source = events.iterator();
          private InputEvent next;
          private boolean found;

          @Override
          public boolean hasNext() {
            while (!found && source.hasNext()) {
              InputEvent e = source.next();
              if (e.eventId().equals(eventId)) {
                found = true;
                next = e;
              }
            }
            if (!found) {
              throw new IllegalArgumentException(
                  "--resume-from " + eventId + ": no event with this id in the input");
            }
            if (next == null && source.hasNext()) {
              next = source.next();
            }
            return next != null;
          }

          @Override
          public InputEvent next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            InputEvent e = next;
            next = null;
            return e;
          }
        };
  }

  /** The events {@code keep} accepts, lazily, in their order. */
  public static Iterable<InputEvent> filtered(
      Iterable<InputEvent> events, Predicate<InputEvent> keep) {
    return () ->
        new Iterator<>() {
          private final Iterator<InputEvent> source = events.iterator();
          private InputEvent next;

          @Override
          public boolean hasNext() {
            while (next == null && source.hasNext()) {
              InputEvent e = source.next();
              if (keep.test(e)) {
                next = e;
              }
            }
            return next != null;
          }

          @Override
          public InputEvent next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            InputEvent e = next;
            next = null;
            return e;
          }
        };
  }
}
