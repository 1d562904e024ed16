package io.impactsim.producer;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.serde.GeneratedRecords;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** The kinds of input event, each with its Avro record type, topic and name in history files. */
public enum EventType {
  DEAL("deal", DealAnnounced.class, TopicCatalog::deals),
  RESTRUCTURING("restructuring", RestructuringAnnounced.class, TopicCatalog::restructurings),
  EARNINGS("earnings", EarningsReported.class, TopicCatalog::earnings),
  COMPANY("company", CompanyProfile.class, TopicCatalog::companies);

  static {
    // Every path that builds or decodes input records passes through here first.
    GeneratedRecords.trust();
  }

  private final String fileName;
  private final Class<? extends SpecificRecord> recordClass;
  private final Function<TopicCatalog, Topic<String, ? extends SpecificRecord>> topic;

  EventType(
      String fileName,
      Class<? extends SpecificRecord> recordClass,
      Function<TopicCatalog, Topic<String, ? extends SpecificRecord>> topic) {
    this.fileName = fileName;
    this.recordClass = recordClass;
    this.topic = topic;
  }

  /** The value of the {@code type} field of a history line. */
  public String fileName() {
    return fileName;
  }

  /** The generated Avro class of events of this type. */
  public Class<? extends SpecificRecord> recordClass() {
    return recordClass;
  }

  /** The Avro schema of events of this type. */
  public Schema schema() {
    return org.apache.avro.specific.SpecificData.get().getSchema(recordClass);
  }

  /** The topic events of this type are published to. */
  public Topic<String, ? extends SpecificRecord> topicIn(TopicCatalog catalog) {
    return topic.apply(catalog);
  }

  /** The type named by a history line's {@code type} field, case-insensitively. */
  public static Optional<EventType> fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (EventType t : values()) {
      if (t.fileName.equals(lower)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
