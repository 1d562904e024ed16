package io.impactsim.producer.history;

import io.impactsim.producer.InputEvent;

/** An event together with where it was read from, so later checks can point at its line. */
public record LocatedEvent(InputEvent event, String file, long line) {

  HistoryProblem problem(String field, String message) {
    return new HistoryProblem(file, line, field, message);
  }
}
