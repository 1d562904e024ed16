package io.impactsim.cli;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.history.History;
import io.impactsim.producer.history.HistoryProblem;
import io.impactsim.producer.history.HistoryReader;
import io.impactsim.producer.history.LocatedEvent;
import io.impactsim.producer.publish.EventSelection;
import io.impactsim.producer.publish.RecordSizes;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The events {@code impactsim produce} publishes, read and validated from files, the bundled
 * history, or generated: with how many there are and the problems found on the way.
 *
 * @param events the events to publish, in order
 * @param size how many {@code events} holds
 * @param problems what was wrong with the input (empty for generated events)
 * @param located where each event was read, in the order of {@code events}; empty for generated
 *     events
 */
record ProduceInput(
    Iterable<InputEvent> events,
    long size,
    List<HistoryProblem> problems,
    List<LocatedEvent> located) {

  /** Where generated events are said to come from in messages: {@code synthetic:<n>}. */
  static final String SYNTHETIC = "synthetic";

  static ProduceInput ofHistory(History history) {
    List<InputEvent> events = history.events();
    return new ProduceInput(events, events.size(), history.problems(), history.located());
  }

  static ProduceInput files(List<Path> files, Set<String> knownCompanies) {
    return ofHistory(HistoryReader.read(files, knownCompanies));
  }

  static ProduceInput bundled() {
    return ofHistory(BundledHistory.read());
  }

  static ProduceInput synthetic(SyntheticConfig config) {
    SyntheticMarket market = new SyntheticMarket(config);
    return new ProduceInput(market, market.size(), List.of(), List.of());
  }

  /**
   * The input without the events at the given positions (0-based, in input order), with a problem
   * for each, located at the event's file and line.
   */
  ProduceInput without(List<RecordSizes.Refusal> refusals) {
    if (refusals.isEmpty()) {
      return this;
    }
    Set<Long> positions = new HashSet<>();
    List<HistoryProblem> all = new ArrayList<>(problems);
    for (RecordSizes.Refusal r : refusals) {
      positions.add(r.position());
      all.add(problemAt(r.position(), r.message()));
    }
    Iterable<InputEvent> rest =
        () -> {
          long[] position = {0};
          return EventSelection.filtered(events, e -> !positions.contains(position[0]++))
              .iterator();
        };
    return new ProduceInput(rest, size - positions.size(), all, located);
  }

  private HistoryProblem problemAt(long position, String message) {
    if (located.isEmpty()) {
      return new HistoryProblem(SYNTHETIC, position + 1, "", message);
    }
    LocatedEvent at = located.get((int) position);
    return new HistoryProblem(at.file(), at.line(), "", message);
  }

  /** Prints each problem as {@code file:line:field: message}. */
  void printProblems(PrintWriter err) {
    problems.forEach(p -> err.println(p));
  }

  /** {@code 14 events (deal 4, ...)}, for {@code --validate-only}; iterates the events once. */
  String describeCounts() {
    Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    for (InputEvent e : events) {
      counts.merge(e.type(), 1L, Long::sum);
    }
    StringJoiner parts = new StringJoiner(", ", " (", ")");
    for (EventType t : EventType.values()) {
      parts.add(t.fileName() + " " + counts.getOrDefault(t, 0L));
    }
    return String.format("%,d events", size) + parts;
  }
}
