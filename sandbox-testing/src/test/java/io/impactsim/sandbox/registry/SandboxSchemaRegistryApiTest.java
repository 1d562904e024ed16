package io.impactsim.sandbox.registry;

import static io.impactsim.sandbox.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox registry's HTTP API as a Confluent client sees it: shapes, codes, semantics. */
@KafkaSandboxTest
class SandboxSchemaRegistryApiTest {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"Quote\",\"fields\":"
          + "[{\"name\":\"bid\",\"type\":\"double\"},{\"name\":\"ask\",\"type\":\"double\"}]}";
  private static final String V1_REFORMATTED =
      "{ \"fields\": [ {\"type\": \"double\", \"name\": \"bid\"},"
          + " {\"name\": \"ask\", \"type\": \"double\"} ],\n \"name\": \"Quote\", \"type\": \"record\" }";
  private static final String WITHOUT_ASK =
      "{\"type\":\"record\",\"name\":\"Quote\",\"fields\":[{\"name\":\"bid\",\"type\":\"double\"}]}";
  private static final String WITH_REQUIRED_SIZE =
      "{\"type\":\"record\",\"name\":\"Quote\",\"fields\":[{\"name\":\"bid\",\"type\":\"double\"},"
          + "{\"name\":\"ask\",\"type\":\"double\"},{\"name\":\"size\",\"type\":\"long\"}]}";

  // Schemas no other test registers, so their ids are used by this subject alone.
  private static final String LISTED_V1 =
      "{\"type\":\"record\",\"name\":\"Listed\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String LISTED_V2 =
      "{\"type\":\"record\",\"name\":\"Listed\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
          + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";

  private static SandboxSchemaRegistry registry;
  private static RegistryHttp http;
  private String subject;

  @BeforeAll
  static void startRegistry(KafkaEnvironment env) {
    // A registry of its own, on its own topic, so global settings changed here stay here.
    registry =
        new SandboxSchemaRegistry(
                env.clientProperties(), 0, CompatibilityLevel.BACKWARD, env.uniqueName("_schemas"))
            .start();
    http = new RegistryHttp(registry.url());
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @BeforeEach
  void newSubject(KafkaEnvironment env) {
    subject = env.uniqueName("api") + "-value";
  }

  @Test
  void registrationAnswersTheIdAndTheVersionReadsBackInConfluentShape() throws Exception {
    var registered = http.post("/subjects/" + subject + "/versions", schemaBody(V1));
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.contentType()).startsWith(RegistryHttp.SR_JSON);
    int id = registered.json().get("id").asInt();

    var latest = http.get("/subjects/" + subject + "/versions/latest").json();

    assertThat(latest.get("subject").asText()).isEqualTo(subject);
    assertThat(latest.get("version").asInt()).isEqualTo(1);
    assertThat(latest.get("id").asInt()).isEqualTo(id);
    assertThat(SchemaRegistryContract.schema(latest.get("schema").asText()))
        .isEqualTo(SchemaRegistryContract.schema(V1));
    assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText())
        .isEqualTo(latest.get("schema").asText());
    assertThat(http.get("/schemas/ids/" + id + "/schema").body())
        .isEqualTo(latest.get("schema").asText());
  }

  @Test
  void aReformattedSchemaIsTheSameSchema() throws Exception {
    int id =
        http.post("/subjects/" + subject + "/versions", schemaBody(V1)).json().get("id").asInt();

    var again = http.post("/subjects/" + subject + "/versions", schemaBody(V1_REFORMATTED));
    var lookup = http.post("/subjects/" + subject, schemaBody(V1_REFORMATTED));

    assertThat(again.json().get("id").asInt()).isEqualTo(id);
    assertThat(lookup.json().get("version").asInt()).isEqualTo(1);
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
  }

  @Test
  void plainJsonAndOctetStreamBodiesAreAccepted() throws Exception {
    var json =
        http.send("POST", "/subjects/" + subject + "/versions", schemaBody(V1), "application/json");
    var octets =
        http.send(
            "POST",
            "/subjects/" + subject + "/versions",
            schemaBody(V1),
            "application/octet-stream");

    assertThat(json.status()).isEqualTo(200);
    assertThat(octets.json().get("id")).isEqualTo(json.json().get("id"));
  }

  @Test
  void anInvalidSchemaIsRefusedWith42201() throws Exception {
    String undefinedType =
        "{\"type\":\"record\",\"name\":\"Q\",\"fields\":[{\"name\":\"x\",\"type\":\"nosuchtype\"}]}";
    var response = http.post("/subjects/" + subject + "/versions", schemaBody(undefinedType));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(42201);
    assertThat(response.json().get("message").asText()).contains("nosuchtype");
    assertThat(http.get("/subjects/" + subject + "/versions").status()).isEqualTo(404);
  }

  @Test
  void anIncompatibleSchemaIsRefusedWith409NamingSubjectAndLevel() throws Exception {
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));

    var response = http.post("/subjects/" + subject + "/versions", schemaBody(WITH_REQUIRED_SIZE));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(409);
    assertThat(response.json().get("message").asText())
        .contains(subject)
        .contains("BACKWARD")
        .contains("size");
  }

  @Test
  void missingThingsHaveTheirOwnErrorCodes() throws Exception {
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));

    assertError(http.get("/subjects/nobody-value/versions/latest"), 404, 40401);
    assertError(http.get("/subjects/" + subject + "/versions/7"), 404, 40402);
    assertError(http.get("/subjects/" + subject + "/versions/zero"), 422, 42202);
    assertError(http.get("/schemas/ids/987654321"), 404, 40403);
    assertError(http.post("/subjects/" + subject, schemaBody(WITHOUT_ASK)), 404, 40403);
    assertError(http.post("/subjects/nobody-value", schemaBody(V1)), 404, 40401);
  }

  @Test
  void unknownRoutesAndBrokenBodiesAnswerJsonErrorsWithoutStackTraces() throws Exception {
    var unknown = http.get("/no/such/route");
    var broken = http.post("/subjects/" + subject + "/versions", "{not json");

    assertError(unknown, 404, 404);
    assertError(broken, 400, 400);
    assertThat(unknown.body() + broken.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void compatibilityLevelsAreSetGlobalAndPerSubject() throws Exception {
    assertError(http.get("/config/" + subject), 404, 40408);
    assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

    var put = http.put("/config/" + subject, "{\"compatibility\":\"FULL_TRANSITIVE\"}");

    assertThat(put.body()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
    assertThat(http.get("/config/" + subject).body())
        .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
    assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
  }

  @ParameterizedTest(name = "{0}: dropping a field {1}, adding a required one {2}")
  @CsvSource({
    "NONE,     true,  true",
    "BACKWARD, true,  false",
    "FORWARD,  false, true",
    "FULL,     false, false"
  })
  void compatibilityDirectionsFollowConfluent(
      CompatibilityLevel level, boolean dropAccepted, boolean addRequiredAccepted)
      throws Exception {
    http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}");
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));
    String check = "/compatibility/subjects/" + subject + "/versions/latest";

    assertThat(http.post(check, schemaBody(WITHOUT_ASK)).json().get("is_compatible").asBoolean())
        .isEqualTo(dropAccepted);
    assertThat(
            http.post(check, schemaBody(WITH_REQUIRED_SIZE))
                .json()
                .get("is_compatible")
                .asBoolean())
        .isEqualTo(addRequiredAccepted);
  }

  @Test
  void verboseChecksExplainAndPlainChecksDoNot() throws Exception {
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));
    String check = "/compatibility/subjects/" + subject + "/versions/1";

    var plain = http.post(check, schemaBody(WITH_REQUIRED_SIZE)).json();
    var verbose = http.post(check + "?verbose=true", schemaBody(WITH_REQUIRED_SIZE)).json();

    assertThat(plain.has("messages")).isFalse();
    assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.get("messages").toString()).contains("size");
  }

  @Test
  void subjectsAreSoftDeletedFirstThenPermanently() throws Exception {
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));
    http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
    int id =
        http.post("/subjects/" + subject + "/versions", schemaBody(WITHOUT_ASK))
            .json()
            .get("id")
            .asInt();

    assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40405);
    assertThat(http.delete("/subjects/" + subject).body()).isEqualTo("[1,2]");
    assertThat(http.get("/subjects").json().toString()).doesNotContain(subject);
    assertThat(http.get("/subjects?deleted=true").json().toString()).contains(subject);
    assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401);
    assertError(http.delete("/subjects/" + subject), 404, 40404);

    assertThat(http.delete("/subjects/" + subject + "?permanent=true").body()).isEqualTo("[1,2]");
    assertError(http.get("/subjects/" + subject + "/versions?deleted=true"), 404, 40401);
    assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
  }

  @Test
  void onlyAvroIsServed() throws Exception {
    assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    var json =
        http.post(
            "/subjects/" + subject + "/versions",
            "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}");
    assertError(json, 422, 42201);
  }

  @Test
  void theSchemaListPagesAndKeepsSoftDeletedVersionsApart() throws Exception {
    int v1 =
        http.post("/subjects/" + subject + "/versions", schemaBody(LISTED_V1))
            .json()
            .get("id")
            .asInt();
    int v2 =
        http.post("/subjects/" + subject + "/versions", schemaBody(LISTED_V2))
            .json()
            .get("id")
            .asInt();
    String list = "/schemas?subjectPrefix=" + subject;

    var all = http.get(list);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.contentType()).startsWith(RegistryHttp.SR_JSON);
    assertThat(ids(all)).containsExactly(v1, v2);
    assertThat(all.json().get(0).has("schemaType"))
        .as("AVRO is implied, as Confluent does")
        .isFalse();
    assertThat(ids(http.get(list + "&offset=1&limit=1"))).containsExactly(v2);
    assertThat(ids(http.get(list + "&limit=1"))).containsExactly(v1);
    assertError(http.get(list + "&limit=many"), 400, 400);

    http.delete("/subjects/" + subject);

    assertThat(ids(http.get(list))).isEmpty();
    assertThat(ids(http.get(list + "&deleted=true"))).containsExactly(v1, v2);
    assertThat(http.get("/schemas/ids/" + v1 + "/versions").body()).isEqualTo("[]");
    assertThat(http.get("/schemas/ids/" + v1 + "/versions?deleted=true").body())
        .isEqualTo("[{\"subject\":\"" + subject + "\",\"version\":1}]");
  }

  @Test
  void aSubjectHasNoModeOfItsOwnAndReferencesNeedAValidVersion() throws Exception {
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));

    assertThat(http.get("/mode").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
    assertError(http.get("/mode/" + subject), 404, 40409);
    assertThat(http.get("/mode/" + subject + "?defaultToGlobal=true").body())
        .isEqualTo("{\"mode\":\"READWRITE\"}");
    assertThat(http.get("/contexts").body()).isEqualTo("[\".\"]");
    assertThat(http.get("/subjects/" + subject + "/versions/1/referencedby").body())
        .isEqualTo("[]");
    assertError(http.get("/subjects/" + subject + "/versions/zero/referencedby"), 422, 42202);
  }

  private static List<Integer> ids(RegistryHttp.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<Integer> ids = new ArrayList<>();
    response.json().forEach(entry -> ids.add(entry.get("id").asInt()));
    return ids;
  }

  private static void assertError(RegistryHttp.Response response, int status, int errorCode) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith(RegistryHttp.SR_JSON);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(errorCode);
    assertThat(response.json().get("message").asText()).isNotBlank();
  }
}
