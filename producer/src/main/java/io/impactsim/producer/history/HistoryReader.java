package io.impactsim.producer.history;

import io.impactsim.schemas.serde.GeneratedRecords;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads history inputs (JSON Lines or Avro container files, told apart by the {@code .avro}
 * extension) and validates them as one input: every line on its own, then event ids unique and
 * every referenced company defined by a {@code company} event of the input or already known.
 */
public final class HistoryReader {
  private final Set<String> knownCompanies;
  private final List<LocatedEvent> events = new ArrayList<>();
  private final List<HistoryProblem> problems = new ArrayList<>();

  /**
   * @param knownCompanies company ids that exist already (e.g. published earlier), so events may
   *     refer to them without a company line in this input
   */
  public HistoryReader(Set<String> knownCompanies) {
    GeneratedRecords.trust();
    this.knownCompanies = Set.copyOf(knownCompanies);
  }

  /** Reads and validates files as one input. */
  public static History read(List<Path> files, Set<String> knownCompanies) {
    HistoryReader reader = new HistoryReader(knownCompanies);
    for (Path file : files) {
      reader.add(file);
    }
    return reader.result();
  }

  /** Adds a file to the input; a file that cannot be read is a problem of the input. */
  public HistoryReader add(Path file) {
    try {
      if (file.getFileName().toString().endsWith(".avro")) {
        AvroHistoryFiles.read(file, events, problems);
      } else {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          JsonLinesParser.parse(file.toString(), in, events, problems);
        }
      }
    } catch (NoSuchFileException e) {
      problems.add(new HistoryProblem(file.toString(), 0, "", "no such file"));
    } catch (IOException | UncheckedIOException e) {
      problems.add(new HistoryProblem(file.toString(), 0, "", "cannot read: " + e.getMessage()));
    }
    return this;
  }

  /** Adds JSON Lines text read from elsewhere (e.g. the classpath) under a display name. */
  public HistoryReader addJsonLines(String name, Reader in) throws IOException {
    JsonLinesParser.parse(name, in, events, problems);
    return this;
  }

  /** Runs the checks across the whole input and returns the valid events and all problems. */
  public History result() {
    List<HistoryProblem> all = new ArrayList<>(problems);
    Set<LocatedEvent> rejected = new HashSet<>();
    for (LocatedEvent e : events) {
      EventChecks.check(e.event(), (field, message) -> reject(e, field, message, all, rejected));
    }
    duplicates(all, rejected);
    unknownCompanies(all, rejected);
    List<String> fileOrder = events.stream().map(LocatedEvent::file).distinct().toList();
    all.sort(
        Comparator.comparingInt((HistoryProblem p) -> fileOrder.indexOf(p.file()))
            .thenComparingLong(HistoryProblem::line));
    List<LocatedEvent> valid = events.stream().filter(e -> !rejected.contains(e)).toList();
    return new History(valid, all);
  }

  private void duplicates(List<HistoryProblem> all, Set<LocatedEvent> rejected) {
    Map<String, LocatedEvent> first = new HashMap<>();
    for (LocatedEvent e : events) {
      LocatedEvent earlier = first.putIfAbsent(e.event().eventId(), e);
      if (earlier != null) {
        reject(
            e,
            "eventId",
            "duplicate event id '"
                + e.event().eventId()
                + "', first used at "
                + earlier.file()
                + ":"
                + earlier.line(),
            all,
            rejected);
      }
    }
  }

  private void unknownCompanies(List<HistoryProblem> all, Set<LocatedEvent> rejected) {
    Set<String> defined = new HashSet<>(knownCompanies);
    for (LocatedEvent e : events) {
      if (e.event().type() == io.impactsim.producer.EventType.COMPANY && !rejected.contains(e)) {
        defined.add(e.event().key());
      }
    }
    for (LocatedEvent e : events) {
      EventChecks.companyReferences(
          e.event(),
          (field, id) -> {
            if (!defined.contains(id)) {
              reject(
                  e,
                  field,
                  "unknown company '" + id + "': no company line defines it",
                  all,
                  rejected);
            }
          });
    }
  }

  private static void reject(
      LocatedEvent e,
      String field,
      String message,
      List<HistoryProblem> all,
      Set<LocatedEvent> rejected) {
    all.add(e.problem(field, message));
    rejected.add(e);
  }
}
