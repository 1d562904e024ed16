package io.impactsim.producer.history;

import io.impactsim.producer.InputEvent;
import java.util.List;

/**
 * The outcome of reading history inputs: the events that passed every check, in input order, and
 * every problem found. A line with any problem contributes no event.
 */
public record History(List<LocatedEvent> located, List<HistoryProblem> problems) {

  public History {
    located = List.copyOf(located);
    problems = List.copyOf(problems);
  }

  /** The valid events in input order. */
  public List<InputEvent> events() {
    return located.stream().map(LocatedEvent::event).toList();
  }

  /**
   * The events to publish: all of them if the input is valid; with problems, the valid ones if
   * {@code skipInvalid}, else none.
   *
   * @throws InvalidHistoryException when there are problems and {@code skipInvalid} is false
   */
  public List<InputEvent> toPublish(boolean skipInvalid) {
    if (!problems.isEmpty() && !skipInvalid) {
      throw new InvalidHistoryException(problems);
    }
    return events();
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
