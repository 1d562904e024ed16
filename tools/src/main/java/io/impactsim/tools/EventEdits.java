package io.impactsim.tools;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.views.input.EventTimeExtractor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a replay changes in the log while copying it: a cut-off in event time, events removed or
 * amended by event id, and events added. The default ({@link #NONE}) copies the log as it is.
 *
 * @param asOf only events that occurred at or before this instant; company profiles are reference
 *     data and always copied
 * @param removed event ids left out
 * @param amended changes per event id, applied in order
 * @param added events written in event-time order among the copied ones
 */
public record EventEdits(
    Optional<Instant> asOf,
    Set<String> removed,
    Map<String, List<Amendment>> amended,
    List<AddedEvent> added) {

  public static final EventEdits NONE =
      new EventEdits(Optional.empty(), Set.of(), Map.of(), List.of());

  public EventEdits {
    removed = Set.copyOf(removed);
    amended = Map.copyOf(amended);
    added = List.copyOf(added);
    Set<String> both = new TreeSet<>(removed);
    both.retainAll(amended.keySet());
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("events both removed and amended: " + both);
    }
  }

  /** Only the events up to an instant. */
  public static EventEdits asOf(Instant cutOff) {
    return new EventEdits(Optional.of(cutOff), Set.of(), Map.of(), List.of());
  }

  /** What becomes of one copied event: the event, changed, or empty when it is left out. */
  public Optional<SpecificRecord> apply(SpecificRecord event) {
    EventMetadata meta = EventTimeExtractor.metaOf(event);
    if (meta == null) {
      return Optional.of(event);
    }
    if (removed.contains(meta.getEventId()) || !inTime(event)) {
      return Optional.empty();
    }
    SpecificRecord out = event;
    for (Amendment a : amended.getOrDefault(meta.getEventId(), List.of())) {
      out = a.applyTo(out);
    }
    return Optional.of(out);
  }

  /** Whether an event is within the cut-off; added events obey it too. */
  public boolean inTime(SpecificRecord event) {
    if (asOf.isEmpty() || event instanceof CompanyProfile) {
      return true;
    }
    EventMetadata meta = EventTimeExtractor.metaOf(event);
    return meta == null || !meta.getOccurredAt().isAfter(asOf.get());
  }

  /** The event ids this edit names, for checking that the log holds each of them. */
  public Set<String> namedEventIds() {
    Set<String> ids = new TreeSet<>(removed);
    ids.addAll(amended.keySet());
    return ids;
  }
}
