package io.impactsim.producer;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.time.Instant;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One input event ready to publish: its type, its Kafka key (derived from the record by the
 * partitioning rules, so the same entity always lands on the same partition) and its Avro value.
 *
 * @param type what kind of event this is
 * @param key the Kafka record key
 * @param value the Avro record; its class is {@code type.recordClass()}
 */
public record InputEvent(EventType type, String key, SpecificRecord value) {

  public InputEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (!type.recordClass().isInstance(value)) {
      throw new IllegalArgumentException(
          "a " + type.fileName() + " event needs a " + type.recordClass().getSimpleName());
    }
  }

  /** An event of whichever type the record is, keyed by the documented rule for that type. */
  public static InputEvent of(SpecificRecord value) {
    if (value instanceof DealAnnounced d) {
      return new InputEvent(EventType.DEAL, keyOf(d), d);
    }
    if (value instanceof RestructuringAnnounced r) {
      return new InputEvent(EventType.RESTRUCTURING, r.getCompany(), r);
    }
    if (value instanceof EarningsReported e) {
      return new InputEvent(EventType.EARNINGS, e.getCompany(), e);
    }
    if (value instanceof CompanyProfile c) {
      return new InputEvent(EventType.COMPANY, c.getId(), c);
    }
    throw new IllegalArgumentException(
        "not an input event record: " + value.getClass().getSimpleName());
  }

  /** Deals are keyed by contract so that later reports of one contract stay in order. */
  public static String keyOf(DealAnnounced deal) {
    return deal.getContractId() != null ? deal.getContractId() : deal.getDealId();
  }

  /** The metadata every input record carries as its first field. */
  public EventMetadata meta() {
    return (EventMetadata) value.get(value.getSchema().getField("meta").pos());
  }

  public String eventId() {
    return meta().getEventId();
  }

  /** Event time: also the Kafka timestamp of the published record. */
  public Instant occurredAt() {
    return meta().getOccurredAt();
  }

  /** The topic this event is published to, typed for a producer of any input record. */
  @SuppressWarnings("unchecked")
  public Topic<String, SpecificRecord> topicIn(TopicCatalog catalog) {
    return (Topic<String, SpecificRecord>) type.topicIn(catalog);
  }
}
