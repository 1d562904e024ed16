package io.impactsim.producer.publish;

import io.impactsim.producer.EventType;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a publish run achieved: events the broker confirmed, per type and in total, and how long it
 * took.
 */
public record PublishReport(Map<EventType, Long> byType, Duration elapsed) {

  public PublishReport {
    EnumMap<EventType, Long> copy = new EnumMap<>(EventType.class);
    for (EventType t : EventType.values()) {
      copy.put(t, byType.getOrDefault(t, 0L));
    }
    byType = Collections.unmodifiableMap(copy);
  }

  /** Events of a type the broker confirmed. */
  public long confirmed(EventType type) {
    return byType.get(type);
  }

  /** Events the broker confirmed in total. */
  public long total() {
    return byType.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Confirmed events per second of elapsed time. */
  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? total() / seconds : 0;
  }

  /** One line for people: counts per type, total, time and rate. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("published %,d events (", total()));
    for (EventType t : EventType.values()) {
      s.append(t == EventType.DEAL ? "" : ", ")
          .append(t.fileName())
          .append(' ')
          .append(confirmed(t));
    }
    s.append(
        String.format(") in %.2f s, %,.0f events/s", elapsed.toNanos() / 1e9, eventsPerSecond()));
    return s.toString();
  }
}
