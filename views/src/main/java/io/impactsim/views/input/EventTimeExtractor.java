package io.impactsim.views.input;

import io.impactsim.schemas.avro.EventMetadata;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the event's own time ({@code meta.occurredAt}) rather than the time it was published, so
 * that quarters and grace periods follow when things happened even for a replayed history.
 *
 * <p>An event time before 1970 or later than the record's own timestamp is not usable: Kafka
 * Streams silently drops records with a negative time, and the broker refuses records dated more
 * than {@code message.timestamp.after.max.ms} (one hour by default) ahead of its clock, which would
 * fail every transaction that writes the event's results. The record's timestamp is a safe bound,
 * since the broker already accepted it, and it is part of the log, so a replay decides alike.
 * Records without a usable time get the partition's current time, so that a record the input gate
 * is about to reject cannot move stream time (and close quarters) for the good ones.
 */
public final class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof Captured<?> captured
        && captured.value() instanceof SpecificRecord value) {
      EventMetadata meta = metaOf(value);
      if (meta != null && meta.getOccurredAt() != null) {
        long occurred = meta.getOccurredAt().toEpochMilli();
        if (occurred >= 0 && occurred <= record.timestamp()) {
          return occurred;
        }
      }
    }
    return Math.max(partitionTime, 0);
  }

  /**
   * Why the event's time was not used as its record's time, or empty when it was.
   *
   * @param recordTime the time {@link #extract} gave the record
   */
  public static Optional<String> unusableTime(EventMetadata meta, long recordTime) {
    long occurred = meta.getOccurredAt().toEpochMilli();
    if (occurred < 0) {
      return Optional.of("meta.occurredAt " + meta.getOccurredAt() + " is before 1970");
    }
    return occurred == recordTime
        ? Optional.empty()
        : Optional.of(
            "meta.occurredAt "
                + meta.getOccurredAt()
                + " is later than the record's own timestamp; an event is published after it"
                + " happens");
  }

  /** The metadata every input record carries as its field {@code meta}, or null. */
  public static EventMetadata metaOf(SpecificRecord value) {
    var field = value.getSchema().getField("meta");
    return field != null && value.get(field.pos()) instanceof EventMetadata m ? m : null;
  }
}
