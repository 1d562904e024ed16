package io.impactsim.producer.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.testing.Events;
import io.impactsim.schemas.avro.DealAnnounced;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroHistoryFilesTest {
  private static final Instant T0 = Instant.parse("2025-11-03T12:00:00Z");

  @TempDir Path dir;

  @Test
  void aUnionFileReadsBackAsTheSameEventsInOrder() throws IOException {
    List<InputEvent> events = BundledHistory.load();
    Path file = dir.resolve("history.avro");

    AvroHistoryFiles.write(file, events);
    History read = HistoryReader.read(List.of(file), Set.of());

    assertThat(read.problems()).isEmpty();
    assertThat(read.events()).isEqualTo(events);
  }

  @Test
  void aSingleTypeFileIsAccepted() throws IOException {
    Path file = dir.resolve("deals.avro");
    List<InputEvent> deals = Events.deals(3, T0);
    try (DataFileWriter<DealAnnounced> writer =
        new DataFileWriter<>(new SpecificDatumWriter<>(DealAnnounced.class))
            .create(DealAnnounced.getClassSchema(), file.toFile())) {
      for (InputEvent e : deals) {
        writer.append((DealAnnounced) e.value());
      }
    }

    History read = HistoryReader.read(List.of(file), Set.of("buyer", "provider"));

    assertThat(read.problems()).isEmpty();
    assertThat(read.events()).isEqualTo(deals);
  }

  @Test
  void recordsOfAnAvroFileAreCheckedLikeLinesWithTheRecordNumberAsLine() throws IOException {
    Path file = dir.resolve("bad.avro");
    AvroHistoryFiles.write(
        file,
        List.of(
            Events.company("amazon", T0),
            Events.deal("d-1", T0, "nobody", "amazon", -3),
            Events.deal("d-1", T0, "amazon", "amazon", 1)));

    History read = HistoryReader.read(List.of(file), Set.of());

    assertThat(read.problems())
        .extracting(HistoryProblem::toString)
        .containsExactly(
            file + ":2:valueUsd: negative amount -3",
            file + ":2:buyer: unknown company 'nobody': no company line defines it",
            file + ":3:provider: same company as the buyer",
            file + ":3:eventId: duplicate event id 'd-1', first used at " + file + ":2");
  }
}
