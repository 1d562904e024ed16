package io.impactsim.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.serde.RegistryAvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/asyncapi.yaml equal to the topic catalogue, so the published contract cannot drift.
 * Its Avro payloads are docs/avro/*.avsc: each topic's value schema with the shared types inlined
 * where first used, so a tool that reads one file has the whole schema. After a deliberate schema
 * change, regenerate them with {@code ./mvnw -pl streams -am test -Dtest=AsyncApiContractTest
 * -Dimpactsim.updateSnapshots=true} and review the diff.
 */
class AsyncApiContractTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final TopicCatalog TOPICS =
      TopicCatalog.create(TopicCatalog.DEFAULT_PREFIX, new InMemorySchemaRegistry(), false);
  private static JsonNode document;

  @BeforeAll
  static void parse() throws IOException {
    document = new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("asyncapi.yaml").toFile());
    if (Boolean.getBoolean("impactsim.updateSnapshots")) {
      for (Topic<?, ?> topic : TOPICS.all()) {
        if (topic.valueSerde() instanceof RegistryAvroSerde<?> avro) {
          Files.writeString(selfContainedFile(avro.schema()), avro.schema().toString(true) + "\n");
        }
      }
    }
  }

  @Test
  void channelsAreExactlyTheCataloguesTopics() {
    assertThat(document.path("asyncapi").asText()).startsWith("3.");
    assertThat(channelsByTopic().keySet())
        .containsExactlyInAnyOrderElementsOf(
            TOPICS.all().stream().map(Topic::name).collect(Collectors.toList()));
  }

  @Test
  void eachAvroTopicsMessageIsItsValueSchema() throws IOException {
    Map<String, JsonNode> channels = channelsByTopic();
    for (Topic<?, ?> topic : TOPICS.all()) {
      if (!(topic.valueSerde() instanceof RegistryAvroSerde<?> avro)) {
        continue;
      }
      assertThat(channels).containsKey(topic.name());
      JsonNode payload = messageOf(channels.get(topic.name())).path("payload");
      assertThat(payload.path("schemaFormat").asText())
          .as(topic.name())
          .startsWith("application/vnd.apache.avro+json");
      Path schemaFile = DOCS.resolve(payload.path("schema").path("$ref").asText()).normalize();
      assertThat(schemaFile).as(topic.name()).isEqualTo(selfContainedFile(avro.schema()));
      assertThat(schemaFile).as(topic.name()).exists();
      // A parser of its own: the file must stand alone, without the shared types' files.
      assertThat(new Schema.Parser().parse(schemaFile.toFile()))
          .as(schemaFile + " differs from the code's schema; see the class comment to regenerate")
          .isEqualTo(avro.schema());
    }
  }

  @Test
  void everyOperationPointsAtADeclaredChannel() {
    document
        .path("operations")
        .forEach(
            op -> {
              String ref = op.path("channel").path("$ref").asText();
              assertThat(document.at(ref.substring(1))).as(ref).isNotEmpty();
            });
    assertThat(document.path("operations").size()).isEqualTo(TOPICS.all().size());
  }

  private static Path selfContainedFile(Schema schema) {
    return DOCS.resolve("avro").resolve(schema.getName() + ".avsc").normalize();
  }

  private static Map<String, JsonNode> channelsByTopic() {
    String prefix = document.at("/components/parameters/prefix/default").asText();
    Map<String, JsonNode> byTopic = new HashMap<>();
    document
        .path("channels")
        .forEach(
            channel ->
                byTopic.put(channel.path("address").asText().replace("{prefix}", prefix), channel));
    return byTopic;
  }

  private static JsonNode messageOf(JsonNode channel) {
    JsonNode message = channel.path("messages").elements().next();
    String ref = message.path("$ref").asText();
    return ref.isEmpty() ? message : document.at(ref.substring(1));
  }
}
