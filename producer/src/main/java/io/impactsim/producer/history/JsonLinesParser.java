package io.impactsim.producer.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.json.JsonToAvro;
import io.impactsim.schemas.json.ProblemSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads history files in JSON Lines format version 1 (see docs/history-format.md): one event per
 * line, the Avro fields at the top level of the line next to {@code type}, {@code formatVersion}
 * and the metadata fields.
 */
final class JsonLinesParser {
  /** The format version this parser reads. */
  static final int FORMAT_VERSION = 1;

  private static final Set<String> LINE_FIELDS =
      Set.of("type", "formatVersion", "eventId", "occurredAt", "source", "meta");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          // A second value on the line would otherwise be dropped without a word.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonLinesParser() {}

  /** Parses every line, adding the events to {@code events} and the problems to {@code out}. */
  static void parse(String file, Reader reader, List<LocatedEvent> events, List<HistoryProblem> out)
      throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    long number = 0;
    for (String text = lines.readLine(); text != null; text = lines.readLine()) {
      parseNumbered(file, ++number, text, events, out);
    }
  }

  /**
   * Parses every line of UTF-8 bytes; a line that is not UTF-8 is a problem of its own, and the
   * lines after it are still read.
   */
  static void parse(
      String file, InputStream in, List<LocatedEvent> events, List<HistoryProblem> out)
      throws IOException {
    Utf8Lines.read(
        in,
        new Utf8Lines.Handler() {
          @Override
          public void line(long number, String text) {
            parseNumbered(file, number, text, events, out);
          }

          @Override
          public void problem(long number, String message) {
            out.add(new HistoryProblem(file, number, "", message));
          }
        });
  }

  private static void parseNumbered(
      String file, long number, String text, List<LocatedEvent> events, List<HistoryProblem> out) {
    if (text.isBlank()) {
      return;
    }
    ProblemSink sink =
        (field, message) -> out.add(new HistoryProblem(file, number, field, message));
    parseLine(text, sink).ifPresent(e -> events.add(new LocatedEvent(e, file, number)));
  }

  static Optional<InputEvent> parseLine(String text, ProblemSink sink) {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      sink.add("", "not valid JSON: " + e.getOriginalMessage());
      return Optional.empty();
    }
    if (!line.isObject()) {
      sink.add("", "expected a JSON object");
      return Optional.empty();
    }
    boolean versionOk = checkVersion(line.get("formatVersion"), sink);
    Optional<EventType> type = type(line.get("type"), sink);
    EventMetadata meta = meta(line, sink);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    SpecificRecord record = JsonToAvro.record(line, type.get().schema(), "", LINE_FIELDS, sink);
    if (record == null || meta == null || !versionOk) {
      return Optional.empty();
    }
    record.put(record.getSchema().getField("meta").pos(), meta);
    return Optional.of(InputEvent.of(record));
  }

  private static boolean checkVersion(JsonNode version, ProblemSink sink) {
    if (version == null) {
      sink.add("formatVersion", "missing required field (this reader reads version 1)");
      return false;
    }
    // canConvertToInt: intValue() of 4294967297 is 1, and a truncated version must not pass.
    if (!version.isIntegralNumber()
        || !version.canConvertToInt()
        || version.intValue() != FORMAT_VERSION) {
      sink.add("formatVersion", "unsupported format version " + version + ", expected 1");
      return false;
    }
    return true;
  }

  private static Optional<EventType> type(JsonNode type, ProblemSink sink) {
    if (type == null) {
      sink.add("type", "missing required field (deal, restructuring, earnings or company)");
      return Optional.empty();
    }
    Optional<EventType> known =
        type.isTextual() ? EventType.fromFileName(type.textValue()) : Optional.empty();
    if (known.isEmpty()) {
      sink.add(
          "type",
          "unknown event type " + type + ", expected deal, restructuring, earnings or company");
    }
    return known;
  }

  private static EventMetadata meta(JsonNode line, ProblemSink sink) {
    if (line.has("meta")) {
      sink.add("meta", "unknown field: put eventId, occurredAt and source at the top level");
    }
    String eventId = requiredText(line, "eventId", sink);
    String source = requiredText(line, "source", sink);
    JsonNode at = line.get("occurredAt");
    Object occurredAt =
        at == null ? missing("occurredAt", sink) : JsonToAvro.instant(at, "occurredAt", sink);
    if (eventId == null || source == null || !(occurredAt instanceof Instant instant)) {
      return null;
    }
    return new EventMetadata(eventId, instant, source);
  }

  private static String requiredText(JsonNode line, String field, ProblemSink sink) {
    JsonNode node = line.get(field);
    if (node == null) {
      missing(field, sink);
      return null;
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      sink.add(field, "expected a non-empty string");
      return null;
    }
    return node.textValue();
  }

  private static Object missing(String field, ProblemSink sink) {
    sink.add(field, "missing required field");
    return null;
  }
}
