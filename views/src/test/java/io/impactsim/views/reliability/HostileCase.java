package io.impactsim.views.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One case of the hostile-input corpus ({@code hostile/corpus.jsonl}): the input topic it is sent
 * to, how its bytes are made, and what the application must do with it.
 *
 * @param name unique name; the record carries it in the {@link #HEADER} header
 * @param topic {@code deals}, {@code earnings}, {@code restructurings} or {@code companies}
 * @param recipe how the value bytes are made (see {@link HostileRecords})
 * @param expect what the application must do with it
 * @param reason for a dead letter, a substring its reason header must contain
 * @param spec the whole line, for the recipe's parameters
 */
record HostileCase(
    String name, String topic, String recipe, Outcome expect, String reason, JsonNode spec) {
  static final String RESOURCE = "hostile/corpus.jsonl";
  static final String HEADER = "impactsim.test.case";

  /** What the application does with a case. */
  enum Outcome {
    /** Exactly one dead-letter record, whose reason contains {@link #reason}. */
    DEAD_LETTER,
    /** Valid by the documented rules: used by the views, no dead letter. */
    ACCEPTED,
    /** A copy of an admitted event id: dropped without a trace. */
    IGNORED
  }

  HostileCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topic, "topic of " + name);
    Objects.requireNonNull(recipe, "recipe of " + name);
    Objects.requireNonNull(expect, "expect of " + name);
    if (expect == Outcome.DEAD_LETTER && reason == null) {
      throw new IllegalArgumentException("dead-letter case " + name + " needs a reason");
    }
  }

  /** The Kafka key: the line's {@code key}, or one derived from the name. */
  String key() {
    return spec.hasNonNull("key") ? spec.get("key").asText() : "hostile-" + name;
  }

  static List<HostileCase> load() {
    ObjectMapper json = new ObjectMapper();
    List<HostileCase> cases = new ArrayList<>();
    try (InputStream in = HostileCase.class.getClassLoader().getResourceAsStream(RESOURCE);
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    Objects.requireNonNull(in, RESOURCE), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          cases.add(parse(json.readTree(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static HostileCase parse(JsonNode node) {
    return new HostileCase(
        text(node, "name"),
        text(node, "topic"),
        text(node, "recipe"),
        Outcome.valueOf(text(node, "expect").toUpperCase().replace('-', '_')),
        text(node, "reason"),
        node);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
