package io.impactsim.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.CompatibilityResult;
import io.impactsim.schemas.registry.IncompatibleSchemaException;
import io.impactsim.schemas.registry.RegisteredSchema;
import io.impactsim.schemas.registry.RegistryClientConfig;
import io.impactsim.schemas.registry.RestSchemaRegistry;
import io.impactsim.schemas.registry.SchemaNotFoundException;
import io.impactsim.schemas.registry.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * What impactsim expects of any Confluent-compatible registry, exercised through its own client
 * {@link RestSchemaRegistry}. Subclasses name the registry; where a real registry legitimately
 * differs, a hook says so and documents why.
 */
abstract class SchemaRegistryContract {
  static final Schema TRADE_V1 =
      schema(
          """
          {"type": "record", "name": "Trade", "namespace": "io.impactsim.contract",
           "fields": [{"name": "id", "type": "int"}, {"name": "venue", "type": "string"}]}
          """);
  static final Schema TRADE_V2_OPTIONAL_FIELD =
      schema(
          """
          {"type": "record", "name": "Trade", "namespace": "io.impactsim.contract",
           "fields": [{"name": "id", "type": "int"}, {"name": "venue", "type": "string"},
                      {"name": "note", "type": ["null", "string"], "default": null}]}
          """);
  static final Schema TRADE_ID_AS_STRING =
      schema(
          """
          {"type": "record", "name": "Trade", "namespace": "io.impactsim.contract",
           "fields": [{"name": "id", "type": "string"}, {"name": "venue", "type": "string"}]}
          """);
  static final Schema TRADE_REQUIRED_FIELD =
      schema(
          """
          {"type": "record", "name": "Trade", "namespace": "io.impactsim.contract",
           "fields": [{"name": "id", "type": "int"}, {"name": "venue", "type": "string"},
                      {"name": "price", "type": "double"}]}
          """);

  /** Base URL of the registry's Confluent-compatible API. */
  abstract String registryUrl();

  /** A subject name no other test uses. */
  abstract String newSubject();

  /** Whether a negative verbose compatibility check lists its reasons. */
  abstract boolean explainsIncompatibilities();

  /**
   * Whether {@code GET /schemas} gives each entry's subject, version and id and honours {@code
   * latestOnly}, as Confluent's does.
   */
  abstract boolean listsSchemasWithTheirSubjects();

  /** The name {@code GET /contexts} gives the default context. */
  abstract String defaultContextName();

  /** Plain HTTP to the registry, for the read-only endpoints our client does not call. */
  RegistryHttp http() {
    return new RegistryHttp(registryUrl());
  }

  /** A new client each time, so no client-side cache can answer in the registry's place. */
  SchemaRegistry client() {
    return new RestSchemaRegistry(RegistryClientConfig.of(registryUrl()));
  }

  @Test
  void registeringTheSameSchemaTwiceGivesTheSameIdAndOneVersion() {
    String subject = newSubject();

    int first = client().register(subject, TRADE_V1);
    int second = client().register(subject, TRADE_V1);

    assertThat(second).isEqualTo(first);
    assertThat(client().versions(subject)).containsExactly(1);
  }

  @Test
  void theSameSchemaUnderAnotherSubjectKeepsItsGlobalId() {
    int id = client().register(newSubject(), TRADE_V1);

    assertThat(client().register(newSubject(), TRADE_V1)).isEqualTo(id);
  }

  @Test
  void aSchemaFetchedByIdEqualsTheRegisteredOne() {
    int id = client().register(newSubject(), TRADE_V2_OPTIONAL_FIELD);

    assertThat(client().schemaById(id)).isEqualTo(TRADE_V2_OPTIONAL_FIELD);
  }

  @Test
  void anUnknownIdIsNotFound() {
    SchemaNotFoundException e =
        catchThrowableOfType(SchemaNotFoundException.class, () -> client().schemaById(987_654_321));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo(40403);
  }

  @Test
  void latestIsTheNewestVersion() {
    String subject = newSubject();
    client().register(subject, TRADE_V1);
    int id = client().register(subject, TRADE_V2_OPTIONAL_FIELD);

    RegisteredSchema latest = client().latest(subject);

    assertThat(latest.subject()).isEqualTo(subject);
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.id()).isEqualTo(id);
    assertThat(latest.schema()).isEqualTo(TRADE_V2_OPTIONAL_FIELD);
    assertThat(client().subjects()).contains(subject);
  }

  @Test
  void lookupFindsARegisteredSchemaOnly() {
    String subject = newSubject();
    int id = client().register(subject, TRADE_V1);

    assertThat(client().lookup(subject, TRADE_V1))
        .hasValueSatisfying(
            found -> {
              assertThat(found.version()).isEqualTo(1);
              assertThat(found.id()).isEqualTo(id);
              assertThat(found.schema()).isEqualTo(TRADE_V1);
            });
    assertThat(client().lookup(subject, TRADE_V2_OPTIONAL_FIELD)).isEmpty();
    assertThat(client().lookup(newSubject(), TRADE_V1)).isEmpty();
  }

  @Test
  void backwardTransitiveAcceptsAnOptionalFieldAndRejectsIncompatibleChanges() {
    // Given a subject under BACKWARD_TRANSITIVE with one version
    String subject = newSubject();
    client().setCompatibility(subject, CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(client().compatibility(subject)).contains(CompatibilityLevel.BACKWARD_TRANSITIVE);
    client().register(subject, TRADE_V1);

    // When a field with a default is added, then it becomes version 2
    client().register(subject, TRADE_V2_OPTIONAL_FIELD);
    assertThat(client().versions(subject)).containsExactly(1, 2);

    // When a field changes type or a required field appears, then the registry refuses
    for (Schema incompatible : new Schema[] {TRADE_ID_AS_STRING, TRADE_REQUIRED_FIELD}) {
      IncompatibleSchemaException e =
          catchThrowableOfType(
              IncompatibleSchemaException.class, () -> client().register(subject, incompatible));
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.subject()).isEqualTo(subject);
      assertThat(serverMessage(e)).contains(subject);
    }
    assertThat(client().versions(subject)).containsExactly(1, 2);
    assertThat(client().latest(subject).schema()).isEqualTo(TRADE_V2_OPTIONAL_FIELD);
  }

  @Test
  void transitiveRulesCheckEveryVersionNotOnlyTheLatest() {
    // v1 has "id" as int, v2 drops it, v3 brings it back as a string with a default: v3 reads v2
    // data but not v1 data.
    Schema v2 =
        schema(
            """
            {"type": "record", "name": "Trade", "namespace": "io.impactsim.contract",
             "fields": [{"name": "venue", "type": "string"}]}
            """);
    Schema v3 =
        schema(
            """
            {"type": "record", "name": "Trade", "namespace": "io.impactsim.contract",
             "fields": [{"name": "venue", "type": "string"},
                        {"name": "id", "type": "string", "default": ""}]}
            """);
    String latestOnly = newSubject();
    String transitive = newSubject();
    client().setCompatibility(latestOnly, CompatibilityLevel.BACKWARD);
    client().setCompatibility(transitive, CompatibilityLevel.BACKWARD_TRANSITIVE);
    for (String subject : new String[] {latestOnly, transitive}) {
      client().register(subject, TRADE_V1);
      client().register(subject, v2);
    }

    client().register(latestOnly, v3);
    assertThatThrownBy(() -> client().register(transitive, v3))
        .isInstanceOf(IncompatibleSchemaException.class);

    assertThat(client().versions(latestOnly)).containsExactly(1, 2, 3);
    assertThat(client().versions(transitive)).containsExactly(1, 2);
  }

  @Test
  void theCompatibilityCheckAnswersWithoutRegistering() {
    String subject = newSubject();
    client().setCompatibility(subject, CompatibilityLevel.BACKWARD_TRANSITIVE);
    client().register(subject, TRADE_V1);

    CompatibilityResult accepted = client().checkCompatibility(subject, TRADE_V2_OPTIONAL_FIELD);
    CompatibilityResult refused = client().checkCompatibility(subject, TRADE_ID_AS_STRING);

    assertThat(accepted.compatible()).isTrue();
    assertThat(refused.compatible()).isFalse();
    if (explainsIncompatibilities()) {
      // The reason points at the field whose type changed: "id", the first field.
      assertThat(refused.messages()).anySatisfy(m -> assertThat(m).contains("/fields/0"));
    }
    assertThat(client().versions(subject)).containsExactly(1);
  }

  @Test
  void aSubjectWithoutVersionsAcceptsAnySchema() {
    assertThat(client().checkCompatibility(newSubject(), TRADE_V1).compatible()).isTrue();
  }

  @Test
  void anIdListsEverySubjectVersionThatHoldsIt() throws Exception {
    String first = newSubject();
    String second = newSubject();
    int id = client().register(first, TRADE_V1);
    client().register(second, TRADE_V1);

    RegistryHttp.Response response = http().get("/schemas/ids/" + id + "/versions");

    assertThat(response.status()).isEqualTo(200);
    List<String> pairs = new ArrayList<>();
    response.json().forEach(p -> pairs.add(p.get("subject").asText() + "/" + p.get("version")));
    assertThat(pairs).contains(first + "/1", second + "/1");
    assertError(http().get("/schemas/ids/987654321/versions"), 404, 40403);
  }

  @Test
  void theSchemaListHoldsEveryVersionOfTheSubjectsWithAPrefix() throws Exception {
    String subject = newSubject();
    int v1 = client().register(subject, TRADE_V1);
    int v2 = client().register(subject, TRADE_V2_OPTIONAL_FIELD);

    JsonNode all = http().get("/schemas?subjectPrefix=" + subject).json();

    List<Schema> schemas = new ArrayList<>();
    all.forEach(entry -> schemas.add(schema(entry.get("schema").asText())));
    assertThat(schemas).containsExactly(TRADE_V1, TRADE_V2_OPTIONAL_FIELD);
    if (listsSchemasWithTheirSubjects()) {
      assertThat(all.get(1).get("subject").asText()).isEqualTo(subject);
      assertThat(all.get(1).get("version").asInt()).isEqualTo(2);
      assertThat(all.get(1).get("id").asInt()).isEqualTo(v2);
      JsonNode latest = http().get("/schemas?latestOnly=true&subjectPrefix=" + subject).json();
      assertThat(latest).hasSize(1);
      assertThat(latest.get(0).get("id").asInt()).isEqualTo(v2);
      assertThat(all.get(0).get("id").asInt()).isEqualTo(v1);
    }
  }

  @Test
  void aSchemaWithoutReferrersIsReferencedByNothing() throws Exception {
    String subject = newSubject();
    client().register(subject, TRADE_V1);

    for (String version : new String[] {"1", "latest"}) {
      RegistryHttp.Response response =
          http().get("/subjects/" + subject + "/versions/" + version + "/referencedby");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().isArray()).isTrue();
      assertThat(response.json()).isEmpty();
    }
    assertError(http().get("/subjects/" + newSubject() + "/versions/1/referencedby"), 404, 40401);
    assertError(http().get("/subjects/" + subject + "/versions/7/referencedby"), 404, 40402);
  }

  @Test
  void theRegistryIsReadWriteAndHasTheDefaultContext() throws Exception {
    assertThat(http().get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
    assertThat(
            http()
                .get("/mode/" + newSubject() + "?defaultToGlobal=true")
                .json()
                .get("mode")
                .asText())
        .isEqualTo("READWRITE");

    JsonNode contexts = http().get("/contexts").json();
    assertThat(contexts.isArray()).isTrue();
    List<String> names = new ArrayList<>();
    contexts.forEach(c -> names.add(c.asText()));
    assertThat(names).contains(defaultContextName());
  }

  static void assertError(RegistryHttp.Response response, int status, int errorCode) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("error_code").asInt()).as(response.body()).isEqualTo(errorCode);
    assertThat(response.json().get("message").asText()).isNotBlank();
  }

  /** The registry's own words, without the prefix the client adds. */
  private static String serverMessage(IncompatibleSchemaException e) {
    String prefix = "schema rejected for subject '" + e.subject() + "': ";
    assertThat(e.getMessage()).startsWith(prefix);
    return e.getMessage().substring(prefix.length());
  }

  static Schema schema(String json) {
    return new Schema.Parser().parse(json);
  }
}
