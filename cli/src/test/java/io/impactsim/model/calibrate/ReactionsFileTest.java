package io.impactsim.model.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.History;
import io.impactsim.producer.history.HistoryReader;
import io.impactsim.schemas.avro.CompanyProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The shipped calibration set (calibration/) is valid and every figure carries its source. */
class ReactionsFileTest {
  static final Path DIR = Path.of("..", "calibration");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Set<String> knownCompanies() throws IOException {
    Set<String> known = new LinkedHashSet<>();
    for (String line : Files.readAllLines(DIR.resolve("known-companies.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        known.add(line.strip());
      }
    }
    return known;
  }

  static History history() throws IOException {
    return HistoryReader.read(List.of(DIR.resolve("events.jsonl")), knownCompanies());
  }

  @Test
  void eventsPassTheHistoryReadersValidation() throws IOException {
    History history = history();

    assertThat(history.problems()).isEmpty();
    assertThat(history.events()).hasSizeGreaterThanOrEqualTo(80 + 1);
  }

  @Test
  void everyEventAndProfileLineNamesItsSources() throws IOException {
    int line = 0;
    for (String text : Files.readAllLines(DIR.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
      line++;
      JsonNode node = JSON.readTree(text);
      assertThat(node.path("source").asText()).as("events.jsonl:%d source", line).contains("http");
      assertThat(node.path("occurredAt").asText()).as("events.jsonl:%d", line).startsWith("202");
      if (!node.path("type").asText().equals("company")) {
        assertThat(node.path("occurredAt").asText())
            .as("events.jsonl:%d: only 2023 and 2024 events", line)
            .matches("^202[34]-.*");
      }
    }
  }

  @Test
  void everyReactionNamesAnEventOfTheSetAndACompanyItConcerns() throws IOException {
    Map<String, SpecificRecord> events = new HashMap<>();
    Set<String> profiled = new HashSet<>();
    for (InputEvent e : history().events()) {
      if (e.value() instanceof CompanyProfile p) {
        profiled.add(p.getId());
      } else {
        events.put(e.eventId(), e.value());
      }
    }
    List<ObservedReaction> reactions = ObservedReactions.read(DIR.resolve("reactions.jsonl"));

    assertThat(reactions).hasSizeGreaterThanOrEqualTo(80);
    for (ObservedReaction r : reactions) {
      SpecificRecord event = events.get(r.eventId());
      assertThat(event).as("reactions.jsonl:%d: event %s", r.line(), r.eventId()).isNotNull();
      assertThat(
              CalibrationSet.parties(event).contains(r.company()) || profiled.contains(r.company()))
          .as("reactions.jsonl:%d: %s is named by the event or profiled", r.line(), r.company())
          .isTrue();
      LocalDate eventDay = InputEvent.of(event).occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
      assertThat(r.tradingDay())
          .as("reactions.jsonl:%d: trading day not before the event", r.line())
          .isAfterOrEqualTo(eventDay);
    }
  }

  @Test
  void everyReactionCitesItsSources() throws IOException {
    int line = 0;
    for (String text : Files.readAllLines(DIR.resolve("reactions.jsonl"), StandardCharsets.UTF_8)) {
      line++;
      JsonNode node = JSON.readTree(text);
      assertThat(node.path("returnSource").asText())
          .as("reactions.jsonl:%d", line)
          .contains("http");
      if (node.has("indexReturnPct")) {
        assertThat(node.path("indexSource").asText())
            .as("reactions.jsonl:%d", line)
            .contains("http");
      }
    }
  }

  @Test
  void theJsonSchemaDescribesWhatTheReaderAccepts() throws IOException {
    JsonNode schema = JSON.readTree(DIR.resolve("reactions.schema.json").toFile());
    Set<String> properties = new HashSet<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    Set<String> windows = new HashSet<>();
    schema.path("properties").path("window").path("enum").forEach(w -> windows.add(w.asText()));

    assertThat(properties).isEqualTo(ObservedReactions.FIELDS);
    assertThat(windows).isEqualTo(ObservedReactions.WINDOWS);
  }
}
