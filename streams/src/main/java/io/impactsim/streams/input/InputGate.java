package io.impactsim.streams.input;

import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Admits an input event once: rejects it (with dead-letter headers) when it fails validation, drops
 * it silently when its event id was already admitted on this partition, and otherwise remembers the
 * id and passes the event on.
 *
 * <p>The seen-ids store is a plain key-value store, not a windowed one: input volume is that of
 * news (thousands of events a year, tens of bytes each), while a window would let a re-publication
 * after it expires be counted twice. De-duplication relies on the producer's keying rules sending
 * every copy of an event to the same partition; copies published under different keys, or before
 * and after a change of the partition count, are not recognised.
 */
public final class InputGate<V extends SpecificRecord>
    implements FixedKeyProcessor<String, Captured<V>, Gated<V>> {
  private final String storeName;
  private final Function<V, Optional<String>> validation;
  private FixedKeyProcessorContext<String, Gated<V>> context;
  private KeyValueStore<String, Long> seen;

  public InputGate(String storeName, Function<V, Optional<String>> validation) {
    this.storeName = storeName;
    this.validation = validation;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Gated<V>> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, Captured<V>> record) {
    Captured<V> captured = record.value();
    V value = captured == null ? null : captured.value();
    Optional<String> rejection =
        value == null
            ? Optional.of("tombstone on an event topic")
            : validation
                .apply(value)
                .or(
                    () ->
                        EventTimeExtractor.unusableTime(
                            EventTimeExtractor.metaOf(value), record.timestamp()));
    if (rejection.isPresent()) {
      reject(record, captured == null ? null : captured.bytes(), rejection.get());
      return;
    }
    String eventId = EventTimeExtractor.metaOf(value).getEventId();
    if (seen.get(eventId) != null) {
      return;
    }
    seen.put(eventId, record.timestamp());
    context.forward(record.withValue(new Gated<>(value, captured.bytes(), null)));
  }

  private void reject(FixedKeyRecord<String, Captured<V>> record, byte[] bytes, String reason) {
    Optional<RecordMetadata> origin = context.recordMetadata();
    var headers =
        DeadLetters.headers(
            record.headers(),
            reason,
            origin.map(RecordMetadata::topic).orElse(""),
            origin.map(RecordMetadata::partition).orElse(-1),
            origin.map(RecordMetadata::offset).orElse(-1L),
            null);
    context.forward(record.withValue(new Gated<V>(null, bytes, reason)).withHeaders(headers));
  }
}
