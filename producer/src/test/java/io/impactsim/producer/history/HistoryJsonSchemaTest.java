package io.impactsim.producer.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryJsonSchemaTest {
  private static final Path CHECKED_IN = Path.of("..", "docs", "history.schema.json");
  private static final Path BUNDLED = Path.of("..", "histories", "2025-ai-compute.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void checkedInSchemaIsTheOneDerivedFromTheAvroSchemas() throws IOException {
    assertThat(Files.readString(CHECKED_IN))
        .as("docs/history.schema.json is stale: run HistoryJsonSchema to regenerate it")
        .isEqualTo(HistoryJsonSchema.render());
  }

  @Test
  void everyLineOfTheBundledHistoryValidatesAgainstTheSchema() throws IOException {
    JsonSchema schema = schema();
    List<String> lines = Files.readAllLines(BUNDLED);

    assertThat(lines).isNotEmpty();
    for (int i = 0; i < lines.size(); i++) {
      assertThat(schema.validate(JSON.readTree(lines.get(i)))).as("line %d", i + 1).isEmpty();
    }
  }

  @Test
  void schemaRejectsWhatTheParserRejects() throws IOException {
    String valid = HistoryReaderTest.deal("\"valueUsd\":1");

    assertThat(schema().validate(JSON.readTree(valid))).isEmpty();
    assertThat(errors(valid.replace("\"valueUsd\":1", "\"valueUsd\":-1"))).isNotEmpty();
    assertThat(errors(valid.replace("\"valueUsd\":1", "\"valueUsd\":\"1\""))).isNotEmpty();
    assertThat(errors(valid.replace("\"valueUsd\":1", "\"valueUsd\":1,\"valueUSD\":1")))
        .isNotEmpty();
    assertThat(errors(valid.replace("\"buyer\":\"openai\",", ""))).isNotEmpty();
    assertThat(errors(valid.replace("\"formatVersion\":1", "\"formatVersion\":2"))).isNotEmpty();
    assertThat(errors(valid.replace("\"type\":\"deal\"", "\"type\":\"merger\""))).isNotEmpty();
  }

  @Test
  void schemaStatesTheDocumentedMaxima() throws IOException {
    String valid = HistoryReaderTest.deal("\"valueUsd\":1000000000000000,\"termMonths\":1200");

    assertThat(schema().validate(JSON.readTree(valid))).isEmpty();
    assertThat(errors(valid.replace("1000000000000000", "1000000000000001"))).isNotEmpty();
    assertThat(errors(valid.replace("1200", "1201"))).isNotEmpty();
    assertThat(
            errors(valid.replace("\"buyer\":\"openai\"", "\"buyer\":\"" + "x".repeat(1001) + "\"")))
        .isNotEmpty();
  }

  private static Set<ValidationMessage> errors(String line) throws IOException {
    return schema().validate(JSON.readTree(line));
  }

  private static JsonSchema schema() throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree(CHECKED_IN.toFile()));
  }
}
