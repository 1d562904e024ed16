package io.impactsim.cli;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.history.History;
import io.impactsim.producer.history.HistoryProblem;
import io.impactsim.producer.history.HistoryReader;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
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
 */
record ProduceInput(Iterable<InputEvent> events, long size, List<HistoryProblem> problems) {

  static ProduceInput ofHistory(History history) {
    List<InputEvent> events = history.events();
    return new ProduceInput(events, events.size(), history.problems());
  }

  static ProduceInput files(List<Path> files, Set<String> knownCompanies) {
    return ofHistory(HistoryReader.read(files, knownCompanies));
  }

  static ProduceInput bundled() {
    return ofHistory(BundledHistory.read());
  }

  static ProduceInput synthetic(SyntheticConfig config) {
    SyntheticMarket market = new SyntheticMarket(config);
    return new ProduceInput(market, market.size(), List.of());
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
