package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The hostile history-file corpus through {@code impactsim produce}: a clear message per line, exit
 * code 3, and nothing published.
 */
class HostileHistoryCommandTest {
  /** The corpus is kept once, with the streams reliability tests; tests run in the module dir. */
  private static final Path CORPUS =
      Path.of("..", "views", "src", "test", "resources", "hostile", "history-lines.jsonl");

  private static final String AMAZON =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-amazon\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"amazon\","
          + "\"name\":\"Amazon\",\"listed\":true,\"ticker\":\"AMZN\",\"referenceDate\":\"2025-10-27\","
          + "\"marketCapUsd\":2420000000000}";
  private static final String OPENAI =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-openai\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"openai\","
          + "\"name\":\"OpenAI\",\"listed\":false,\"referenceDate\":\"2025-10-27\"}";

  @TempDir Path dir;

  @Test
  void everyHostileLineGetsAMessageWithFileLineAndFieldAndTheCommandExitsThree()
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> cases = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        cases.add(json.readTree(line));
      }
    }
    List<String> lines = new ArrayList<>(List.of(AMAZON, OPENAI));
    cases.forEach(c -> lines.add(c.get("line").asText()));
    Path file = Files.write(dir.resolve("hostile.jsonl"), lines, StandardCharsets.UTF_8);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Impactsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("produce", "--history", file.toString(), "--validate-only");

    assertThat(exit).isEqualTo(ProduceCommand.INVALID_INPUT);
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      String field = c.get("field").asText();
      String where = file + ":" + (i + 3) + (field.isEmpty() ? "" : ":" + field) + ": ";
      assertThat(err.toString())
          .as(c.get("name").asText())
          .contains(where)
          .contains(c.get("message").asText());
    }
    assertThat(err.toString()).contains("nothing published").doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }
}
