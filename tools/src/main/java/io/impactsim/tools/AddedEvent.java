package io.impactsim.tools;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event a what-if branch adds to the log.
 *
 * @param key its Kafka key, by the same rule as a published event of its type
 * @param value the input record
 */
public record AddedEvent(String key, SpecificRecord value) {
  public AddedEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
