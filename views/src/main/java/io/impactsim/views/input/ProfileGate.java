package io.impactsim.views.input;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The dead-letter path of the company profiles. The profiles feed a global store, whose thread has
 * no producer and commits no offsets, so it can only skip a bad profile. This small topology runs
 * as a companion application beside the views ({@code <application id>-profile-gate}, exactly once,
 * one consumer group): it reads the companies topic and writes each profile that cannot be decoded
 * ({@link DeadLetterHandler}) or fails {@link Validation#profile} to the dead-letter topic, once,
 * with its original bytes and the reason, bounded like every dead letter. Valid profiles are
 * dropped here: the global store reads them from the topic itself.
 */
public final class ProfileGate {
  /** The suffix of the companion application's id. */
  public static final String APPLICATION_ID_SUFFIX = "-profile-gate";

  private ProfileGate() {}

  /** The gate's topology for the catalogue's namespace. */
  public static Topology build(TopicCatalog topics) {
    StreamsBuilder builder = new StreamsBuilder();
    Topic<String, CompanyProfile> companies = topics.companies();
    builder.stream(
            companies.name(),
            Consumed.with(Serdes.String(), new CapturingSerde<>(companies.valueSerde()))
                .withName("profiles-source"))
        .process(Rejects::new, Named.as("profiles-gate"))
        .to(
            topics.deadLetters().name(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName("profiles-dead-letters"));
    return builder.build();
  }

  /** Forwards the dead letter of each profile that fails the rules, and nothing else. */
  static final class Rejects
      implements Processor<String, Captured<CompanyProfile>, byte[], byte[]> {
    private ProcessorContext<byte[], byte[]> context;
    private int maxBytes;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.maxBytes = DeadLetters.maxBytes(context.appConfigs());
    }

    @Override
    public void process(Record<String, Captured<CompanyProfile>> record) {
      Captured<CompanyProfile> captured = record.value();
      if (captured == null) {
        // A tombstone removes nothing from a profile history; the global store ignores it too.
        return;
      }
      Optional<String> rejection = Validation.profile(record.key(), captured.value());
      if (rejection.isEmpty()) {
        return;
      }
      Optional<RecordMetadata> origin = context.recordMetadata();
      DeadLetters.Letter letter =
          DeadLetters.letter(
              record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
              captured.bytes(),
              record.headers(),
              rejection.get(),
              origin.map(RecordMetadata::topic).orElse(""),
              origin.map(RecordMetadata::partition).orElse(-1),
              origin.map(RecordMetadata::offset).orElse(-1L),
              null,
              maxBytes);
      context.forward(
          new Record<>(letter.key(), letter.value(), record.timestamp(), letter.headers()));
    }
  }
}
