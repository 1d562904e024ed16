package io.impactsim.producer.history;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads and writes history as Avro object container files, for histories too large for JSON Lines.
 * A file holds either records of one input type, or a union of input types (records in any order);
 * the record names must be impactsim's ({@code io.impactsim.schemas.avro.*}).
 */
public final class AvroHistoryFiles {
  private AvroHistoryFiles() {}

  /** Reads every record, reporting records and schemas it cannot use as problems. */
  static void read(Path path, List<LocatedEvent> events, List<HistoryProblem> problems)
      throws IOException {
    GeneratedRecords.trust();
    String file = path.toString();
    try (DataFileReader<Object> reader =
        new DataFileReader<>(path.toFile(), new SpecificDatumReader<>())) {
      Optional<Schema> readerSchema = readerSchema(reader.getSchema());
      if (readerSchema.isEmpty()) {
        problems.add(
            new HistoryProblem(
                file,
                0,
                "",
                "schema "
                    + reader.getSchema().getFullName()
                    + " is neither an impactsim input record nor a union of them"));
        return;
      }
      DataFileReader<Object> typed =
          new DataFileReader<>(
              path.toFile(), new SpecificDatumReader<>(reader.getSchema(), readerSchema.get()));
      try (typed) {
        long number = 0;
        while (typed.hasNext()) {
          number++;
          try {
            events.add(
                new LocatedEvent(InputEvent.of((SpecificRecord) typed.next()), file, number));
          } catch (AvroRuntimeException | IllegalArgumentException e) {
            problems.add(
                new HistoryProblem(file, number, "", "unreadable record: " + e.getMessage()));
            return;
          }
        }
      }
    }
  }

  /** Writes events to an Avro container file whose schema is the union of the input types. */
  public static void write(Path path, Iterable<InputEvent> events) throws IOException {
    List<Schema> types = new ArrayList<>();
    for (EventType t : EventType.values()) {
      types.add(t.schema());
    }
    Schema union = Schema.createUnion(types);
    try (DataFileWriter<Object> writer =
        new DataFileWriter<>(new SpecificDatumWriter<>(union)).create(union, path.toFile())) {
      for (InputEvent e : events) {
        writer.append(e.value());
      }
    }
  }

  /** The generated classes' schemas matching the writer schema's record types. */
  private static Optional<Schema> readerSchema(Schema writer) {
    if (writer.getType() == Schema.Type.RECORD) {
      return typeNamed(writer.getFullName()).map(EventType::schema);
    }
    if (writer.getType() != Schema.Type.UNION) {
      return Optional.empty();
    }
    List<Schema> branches = new ArrayList<>();
    for (Schema branch : writer.getTypes()) {
      Optional<EventType> type = typeNamed(branch.getFullName());
      if (type.isEmpty()) {
        return Optional.empty();
      }
      branches.add(type.get().schema());
    }
    return Optional.of(Schema.createUnion(branches));
  }

  private static Optional<EventType> typeNamed(String fullName) {
    for (EventType t : EventType.values()) {
      if (t.schema().getFullName().equals(fullName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
