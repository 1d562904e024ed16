package io.impactsim.producer.history;

import java.util.List;

/** A history had problems and the caller did not ask to skip invalid events. */
public final class InvalidHistoryException extends RuntimeException {
  private final List<HistoryProblem> problems;

  public InvalidHistoryException(List<HistoryProblem> problems) {
    super(
        problems.size() + " problem(s) in the input: nothing published; first: " + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public List<HistoryProblem> problems() {
    return problems;
  }
}
