package io.impactsim.streams.input;

import io.impactsim.schemas.avro.EventMetadata;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the event's own time ({@code meta.occurredAt}) rather than the time it was published, so
 * that quarters and grace periods follow when things happened even for a replayed history. Records
 * without usable metadata keep their Kafka timestamp; validation rejects them later.
 */
public final class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof Captured<?> captured
        && captured.value() instanceof SpecificRecord value) {
      EventMetadata meta = metaOf(value);
      if (meta != null && meta.getOccurredAt() != null) {
        return meta.getOccurredAt().toEpochMilli();
      }
    }
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
  }

  /** The metadata every input record carries as its field {@code meta}, or null. */
  public static EventMetadata metaOf(SpecificRecord value) {
    var field = value.getSchema().getField("meta");
    return field != null && value.get(field.pos()) instanceof EventMetadata m ? m : null;
  }
}
