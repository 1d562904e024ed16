package io.impactsim.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.schemas.serde.RegistryAvroSerde;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.schemas.topics.TopicCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/asyncapi.yaml equal to the topic catalogue, so the published contract cannot drift.
 */
class AsyncApiContractTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final TopicCatalog TOPICS =
      TopicCatalog.create(TopicCatalog.DEFAULT_PREFIX, new InMemorySchemaRegistry(), false);
  private static JsonNode document;

  @BeforeAll
  static void parse() throws IOException {
    document = new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("asyncapi.yaml").toFile());
  }

  @Test
  void channelsAreExactlyTheCataloguesTopics() {
    assertThat(document.path("asyncapi").asText()).startsWith("3.");
    assertThat(channelsByTopic().keySet())
        .containsExactlyInAnyOrderElementsOf(
            TOPICS.all().stream().map(Topic::name).collect(Collectors.toList()));
  }

  @Test
  void eachAvroTopicsMessageIsItsValueSchema() {
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
      assertThat(schemaFile).as(topic.name()).exists();
      assertThat(schemaFile.getFileName().toString()).isEqualTo(avro.schema().getName() + ".avsc");
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
