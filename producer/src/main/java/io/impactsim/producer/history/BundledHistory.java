package io.impactsim.producer.history;

import io.impactsim.producer.InputEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The history shipped with impactsim: the AI-compute deals, restructuring and earnings of late 2025
 * with the profiles of the companies involved (histories/2025-ai-compute.jsonl).
 */
public final class BundledHistory {
  /** Where the history is on the classpath. */
  public static final String RESOURCE = "histories/2025-ai-compute.jsonl";

  private BundledHistory() {}

  /** The bundled events in file order; a build ships only a history that validates. */
  public static List<InputEvent> load() {
    History history = read();
    if (!history.isValid()) {
      throw new IllegalStateException(
          "the bundled history " + RESOURCE + " is invalid: " + history.problems());
    }
    return history.events();
  }

  /** The bundled history with the outcome of its validation. */
  public static History read() {
    InputStream in = BundledHistory.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the classpath");
    }
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new HistoryReader(Set.of()).addJsonLines(RESOURCE, reader).result();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
