package io.impactsim.cli;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.History;
import io.impactsim.producer.history.HistoryReader;
import io.impactsim.tools.AddedEvent;
import io.impactsim.tools.Amendment;
import io.impactsim.tools.EventEdits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the what-if options into the edits a replay applies while copying the log. */
final class WhatIfEdits {
  private WhatIfEdits() {}

  /**
   * The edits of {@code --remove}, {@code --amend} and {@code --add}.
   *
   * @param amend tokens of every {@code --amend}: an event id, then its {@code field=value} pairs
   * @param added events of the {@code --add} files
   */
  static EventEdits of(List<String> remove, List<String> amend, List<AddedEvent> added) {
    return new EventEdits(
        Optional.empty(),
        Set.copyOf(remove == null ? List.of() : remove),
        amendments(amend == null ? List.of() : amend),
        added);
  }

  /** Groups {@code ID field=value ... ID field=value ...} by event id. */
  static Map<String, List<Amendment>> amendments(List<String> tokens) {
    Map<String, List<Amendment>> out = new LinkedHashMap<>();
    String event = null;
    for (String token : tokens) {
      if (!token.contains("=")) {
        event = token;
        out.computeIfAbsent(event, e -> new ArrayList<>());
      } else if (event == null) {
        throw new IllegalArgumentException(
            "--amend takes an event id first, then field=value pairs; got '" + token + "'");
      } else {
        out.get(event).add(Amendment.parse(token));
      }
    }
    out.forEach(
        (id, changes) -> {
          if (changes.isEmpty()) {
            throw new IllegalArgumentException("--amend " + id + " names no field=value");
          }
        });
    return out;
  }

  /**
   * Reads the {@code --add} files; events may refer to companies already in the log.
   *
   * @throws IllegalArgumentException listing every problem of the files
   */
  static List<AddedEvent> read(List<Path> files, Set<String> knownCompanies) {
    if (files == null || files.isEmpty()) {
      return List.of();
    }
    History history = HistoryReader.read(files, knownCompanies);
    if (!history.isValid()) {
      StringBuilder problems = new StringBuilder("--add files have problems:");
      history.problems().forEach(p -> problems.append("\n  ").append(p));
      throw new IllegalArgumentException(problems.toString());
    }
    List<AddedEvent> out = new ArrayList<>();
    for (InputEvent e : history.events()) {
      out.add(new AddedEvent(e.key(), e.value()));
    }
    return out;
  }
}
