package io.impactsim.model.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an observed-reactions file: JSON Lines, one reaction per line, as described by {@code
 * calibration/reactions.schema.json}. Every problem is reported with its line, all at once.
 */
public final class ObservedReactions {
  /** The windows a reaction may be measured over. */
  public static final Set<String> WINDOWS =
      Set.of("CLOSE_TO_CLOSE", "INTRADAY", "PREMARKET", "AFTER_HOURS", "TWO_DAY", "OTHER");

  static final Set<String> FIELDS =
      Set.of(
          "eventId",
          "company",
          "tradingDay",
          "window",
          "returnPct",
          "returnSource",
          "index",
          "indexReturnPct",
          "indexSource",
          "notes");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ObservedReactions() {}

  /** The reactions of a file; throws listing every problem when any line is invalid. */
  public static List<ObservedReaction> read(Path file) throws IOException {
    List<ObservedReaction> reactions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          ObservedReaction r = parse(JSON.readTree(text), line);
          if (!seen.add(r.eventId() + "\n" + r.company())) {
            throw new IllegalArgumentException(
                "a second reaction of " + r.company() + " to " + r.eventId());
          }
          reactions.add(r);
        } catch (IOException | IllegalArgumentException e) {
          problems.add(file + ":" + line + ": " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          problems.size() + " problem(s) in " + file + ":\n  " + String.join("\n  ", problems));
    }
    return reactions;
  }

  private static ObservedReaction parse(JsonNode node, int line) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'");
              }
            });
    String window = text(node, "window");
    if (!WINDOWS.contains(window)) {
      throw new IllegalArgumentException("window must be one of " + WINDOWS + ", not " + window);
    }
    text(node, "returnSource");
    Double index = null;
    if (node.has("indexReturnPct")) {
      index = number(node, "indexReturnPct");
      text(node, "index");
      text(node, "indexSource");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text(node, "tradingDay"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("tradingDay must be a date YYYY-MM-DD");
    }
    return new ObservedReaction(
        text(node, "eventId"),
        text(node, "company"),
        day,
        window,
        number(node, "returnPct"),
        index,
        line);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
    }
    return value.asText();
  }

  private static double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
      throw new IllegalArgumentException("'" + field + "' must be a finite number");
    }
    return value.asDouble();
  }
}
