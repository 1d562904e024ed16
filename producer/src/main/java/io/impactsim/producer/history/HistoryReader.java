package io.impactsim.producer.history;

import io.impactsim.schemas.serde.GeneratedRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
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
  /** The largest JSON Lines file read; the events of a history are held in memory. */
  public static final long MAX_JSON_LINES_BYTES = 1L << 30;

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
      String refused = refusal(file);
      if (refused != null) {
        problems.add(new HistoryProblem(file.toString(), 0, "", refused));
      } else if (file.getFileName().toString().endsWith(".avro")) {
        AvroHistoryFiles.read(file, events, problems);
      } else {
        try (InputStream in = Files.newInputStream(file)) {
          JsonLinesParser.parse(file.toString(), in, events, problems);
        }
      }
    } catch (NoSuchFileException e) {
      problems.add(new HistoryProblem(file.toString(), 0, "", "no such file"));
    } catch (AccessDeniedException e) {
      problems.add(new HistoryProblem(file.toString(), 0, "", "cannot read: permission denied"));
    } catch (IOException | UncheckedIOException e) {
      problems.add(new HistoryProblem(file.toString(), 0, "", "cannot read: " + e.getMessage()));
    }
    return this;
  }

  /**
   * Why a path is not read at all: a device such as /dev/zero, a FIFO or a directory would be read
   * for ever or not at all, and a JSON Lines file too large to hold is better split or converted.
   */
  private static String refusal(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (Files.isDirectory(file)) {
      return "is a directory, not a history file";
    }
    if (!Files.isRegularFile(file)) {
      return "not a regular file (a device, FIFO or socket): give a history file";
    }
    long size = Files.size(file);
    if (size > MAX_JSON_LINES_BYTES && !file.getFileName().toString().endsWith(".avro")) {
      return String.format(
          "file of %,d bytes is over the %d GiB limit of JSON Lines history: split it or convert"
              + " it to an Avro container file",
          size, MAX_JSON_LINES_BYTES >> 30);
    }
    return null;
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
