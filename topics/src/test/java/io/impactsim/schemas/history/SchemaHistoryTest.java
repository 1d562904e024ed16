package io.impactsim.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.fixtures.SchemaVariants;
import io.impactsim.schemas.registry.CompatibilityResult;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.serde.RegistryAvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record that goes on a topic keeps all its released versions under {@code schema-history/};
 * the current schema must read the data of each of them and be the newest of them.
 */
class SchemaHistoryTest {

  /** The value schema of every topic in the catalogue, as the serdes register it. */
  static Stream<Schema> topicRecordSchemas() {
    TopicCatalog catalog = TopicCatalog.create("history", new InMemorySchemaRegistry(), true);
    return Stream.concat(catalog.inputs().stream(), catalog.views().stream())
        .map(topic -> ((RegistryAvroSerde<?>) topic.valueSerde()).schema());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordNames")
  void everyTopicRecordHasReleasedVersionsNamedAfterIt(String record) {
    List<Schema> released = SchemaHistory.versions(record);

    assertThat(released)
        .as("released versions of %s (%s)", record, SchemaHistory.file(record, 1))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.getFullName()).isEqualTo(fullName(record)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordNames")
  void currentSchemaReadsTheDataOfEveryReleasedVersion(String record) {
    Schema current = current(record);

    CompatibilityResult result =
        SchemaHistory.checkCompatible(current, SchemaHistory.versions(record));

    assertThat(result.compatible())
        .as(
            "%s must stay %s compatible with every released version: %s",
            record, SchemaHistory.RULE, result.messages())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordNames")
  void newestReleasedVersionIsTheCurrentSchema(String record) throws IOException {
    Schema current = current(record);
    List<Schema> released = SchemaHistory.versions(record);

    Optional<String> problem = SchemaHistory.unrecordedChange(current, released);

    if (problem.isPresent()) {
      Path candidate = writeCandidate(current, released.size() + 1);
      fail(problem.get() + " (the file is ready at " + candidate + ")");
    }
  }

  @Test
  void historyHoldsTopicRecordsOnlyWithVersionsWithoutGaps() throws Exception {
    Path root = historyDirectory();
    TreeSet<String> records = new TreeSet<>(recordNames().toList());

    try (Stream<Path> entries = Files.list(root)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .as("entries of %s", root)
          .containsExactlyInAnyOrderElementsOf(
              Stream.concat(records.stream(), Stream.of("README.md")).toList());
    }
    for (String record : records) {
      try (Stream<Path> files = Files.list(root.resolve(record))) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertThat(names)
            .as("versions of %s", record)
            .containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, names.size()).mapToObj(v -> "v" + v + ".avsc").toList());
      }
    }
  }

  @Test
  void changedFieldTypeIsRejected() {
    Schema changed =
        SchemaVariants.withFieldType(
            DealAnnounced.getClassSchema(), "termMonths", nullable(Schema.Type.STRING));

    CompatibilityResult result =
        SchemaHistory.checkCompatible(changed, SchemaHistory.versions("DealAnnounced"));

    assertThat(result.compatible()).isFalse();
    String termMonths = "/fields/" + changed.getField("termMonths").pos() + "/";
    assertThat(result.messages()).anySatisfy(m -> assertThat(m).contains(termMonths));
  }

  @Test
  void addedOptionalFieldIsCompatibleButMustBeRecordedAsTheNextVersion() {
    Schema added =
        SchemaVariants.withOptionalField(
            DealAnnounced.getClassSchema(), "exclusive", Schema.Type.BOOLEAN);
    List<Schema> released = SchemaHistory.versions("DealAnnounced");

    assertThat(SchemaHistory.checkCompatible(added, released).compatible()).isTrue();
    assertThat(SchemaHistory.unrecordedChange(added, released))
        .hasValueSatisfying(
            m -> assertThat(m).contains(SchemaHistory.file("DealAnnounced", released.size() + 1)));
  }

  @Test
  void changedDocumentationMustBeRecordedToo() {
    String json = DealAnnounced.getClassSchema().toString();
    Schema redocumented =
        new Schema.Parser()
            .parse(json.replace("was announced or reported.", "was announced, or reported."));

    assertThat(redocumented.toString()).isNotEqualTo(json);
    assertThat(
            SchemaHistory.unrecordedChange(redocumented, SchemaHistory.versions("DealAnnounced")))
        .isPresent();
  }

  @Test
  void recordWithoutHistoryMustBeReleasedAsVersionOne() {
    assertThat(SchemaHistory.versions("NoSuchRecord")).isEmpty();
    assertThat(SchemaHistory.unrecordedChange(DealAnnounced.getClassSchema(), List.of()))
        .hasValueSatisfying(m -> assertThat(m).contains("DealAnnounced/v1.avsc"));
  }

  static Stream<String> recordNames() {
    return topicRecordSchemas().map(Schema::getName);
  }

  private static Schema current(String record) {
    return topicRecordSchemas().filter(s -> s.getName().equals(record)).findFirst().orElseThrow();
  }

  private static String fullName(String record) {
    return current(record).getFullName();
  }

  private static Schema nullable(Schema.Type type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(type));
  }

  /** The checked-in history, in the schemas module's sources (its jar cannot be listed). */
  private static Path historyDirectory() {
    return Path.of("..", "schemas", "src", "main", "resources", SchemaHistory.ROOT);
  }

  /** Writes what the next version's file should hold into the build directory, for copying. */
  private static Path writeCandidate(Schema current, int version) throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    Path file = target.resolve(SchemaHistory.file(current.getName(), version));
    Files.createDirectories(file.getParent());
    Files.writeString(file, current.toString(true) + "\n");
    return file;
  }
}
