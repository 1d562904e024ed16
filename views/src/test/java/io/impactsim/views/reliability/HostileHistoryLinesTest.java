package io.impactsim.views.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.impactsim.producer.history.History;
import io.impactsim.producer.history.HistoryProblem;
import io.impactsim.producer.history.HistoryReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The malformed and hostile history-file lines of {@code hostile/history-lines.jsonl}, all in one
 * file: the reader reports each at its own line and field, and keeps none of their events.
 */
class HostileHistoryLinesTest {
  static final String RESOURCE = "hostile/history-lines.jsonl";
  static final String AMAZON =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-amazon\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"amazon\","
          + "\"name\":\"Amazon\",\"listed\":true,\"ticker\":\"AMZN\",\"referenceDate\":\"2025-10-27\","
          + "\"marketCapUsd\":2420000000000}";
  static final String OPENAI =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-openai\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"openai\","
          + "\"name\":\"OpenAI\",\"listed\":false,\"referenceDate\":\"2025-10-27\"}";

  @TempDir Path dir;

  @Test
  void everyHostileLineIsReportedWithFileLineAndFieldAndNoneIsKept() throws IOException {
    List<JsonNode> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    List<String> lines = new ArrayList<>(List.of(AMAZON, OPENAI));
    cases.forEach(c -> lines.add(c.get("line").asText()));
    Path file = Files.write(dir.resolve("hostile.jsonl"), lines, StandardCharsets.UTF_8);

    History history = HistoryReader.read(List.of(file), Set.of());

    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      long line = i + 3;
      assertThat(history.problems())
          .as(c.get("name").asText())
          .anySatisfy(
              p -> {
                assertThat(p.line()).isEqualTo(line);
                assertThat(p.field()).isEqualTo(c.get("field").asText());
                assertThat(p.message()).contains(c.get("message").asText());
                assertThat(p.toString()).startsWith(file + ":" + line);
              });
    }
    assertThat(history.problems()).extracting(HistoryProblem::line).allMatch(l -> l >= 3);
    assertThat(history.events()).hasSize(2);
  }

  static List<JsonNode> cases() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in =
        HostileHistoryLinesTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      String text =
          new String(Objects.requireNonNull(in, RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          out.add(json.readTree(line));
        }
      }
    }
    return out;
  }
}
