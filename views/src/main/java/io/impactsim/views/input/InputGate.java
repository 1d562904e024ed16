package io.impactsim.views.input;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Admits an input event or rejects it, once, with dead-letter headers that say why: a tombstone, a
 * value that fails validation, a key that is not the one the value implies, or an event time the
 * record cannot carry. Whatever passes the gate is applied to every view, whatever fails it to
 * none. A dead letter is bounded in size ({@link DeadLetters#MAX_BYTES_CONFIG}).
 */
public final class InputGate<V extends SpecificRecord>
    implements FixedKeyProcessor<String, Captured<V>, Gated<V>> {
  private final BiFunction<String, V, Optional<String>> checks;
  private FixedKeyProcessorContext<String, Gated<V>> context;
  private int maxDeadLetterBytes;

  public InputGate(BiFunction<String, V, Optional<String>> checks) {
    this.checks = checks;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Gated<V>> context) {
    this.context = context;
    this.maxDeadLetterBytes = DeadLetters.maxBytes(context.appConfigs());
  }

  @Override
  public void process(FixedKeyRecord<String, Captured<V>> record) {
    Captured<V> captured = record.value();
    V value = captured == null ? null : captured.value();
    Optional<String> rejection =
        value == null
            ? Optional.of("tombstone on an event topic")
            : checks
                .apply(record.key(), value)
                .or(
                    () ->
                        EventTimeExtractor.unusableTime(
                            EventTimeExtractor.metaOf(value), record.timestamp()))
                .or(() -> Validation.eventYear(EventTimeExtractor.metaOf(value)));
    if (rejection.isPresent()) {
      reject(record, captured == null ? null : captured.bytes(), rejection.get());
      return;
    }
    context.forward(record.withValue(Gated.accepted(value, captured.bytes())));
  }

  private void reject(FixedKeyRecord<String, Captured<V>> record, byte[] bytes, String reason) {
    Optional<RecordMetadata> origin = context.recordMetadata();
    DeadLetters.Letter letter =
        DeadLetters.letter(
            record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
            bytes,
            record.headers(),
            reason,
            origin.map(RecordMetadata::topic).orElse(""),
            origin.map(RecordMetadata::partition).orElse(-1),
            origin.map(RecordMetadata::offset).orElse(-1L),
            null,
            maxDeadLetterBytes);
    context.forward(
        record.withValue(Gated.<V>rejected(reason, letter)).withHeaders(letter.headers()));
  }
}
