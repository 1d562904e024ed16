package io.impactsim.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A small client of the Confluent Schema Registry REST API (also served by Apicurio's ccompat API,
 * Karapace and Redpanda). Schemas by id and ids by (subject, schema) are cached: both are immutable
 * once the registry has assigned them.
 */
public final class RestSchemaRegistry implements SchemaRegistry {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final HttpClient http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  public RestSchemaRegistry(RegistryClientConfig config) {
    this.config = config;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
    config.tls().ifPresent(tls -> builder.sslContext(TlsContexts.create(tls)));
    this.http = builder.build();
  }

  /** The base URL this client talks to. */
  public String url() {
    return config.url();
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", body, subject);
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException(200, -1, "registry answered without an id: " + answer);
    }
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null, null);
    Schema schema = parse(answer.path("schema").asText());
    schemasById.put(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null, null));
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    try {
      return Optional.of(registered(send("POST", "/subjects/" + encode(subject), body, subject)));
    } catch (SchemaNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public CompatibilityResult checkCompatibility(String subject, Schema schema) {
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    JsonNode answer;
    try {
      answer =
          send(
              "POST",
              "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
              body,
              subject);
    } catch (SchemaNotFoundException e) {
      // A subject without versions accepts any first schema.
      return new CompatibilityResult(true, List.of());
    }
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(m -> messages.add(m.asText()));
    return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
    send("PUT", "/config/" + encode(subject), body, subject);
  }

  @Override
  public Optional<CompatibilityLevel> compatibility(String subject) {
    try {
      JsonNode answer = send("GET", "/config/" + encode(subject), null, null);
      JsonNode level =
          answer.has("compatibilityLevel")
              ? answer.get("compatibilityLevel")
              : answer.get("compatibility");
      return level == null
          ? Optional.empty()
          : Optional.of(CompatibilityLevel.valueOf(level.asText()));
    } catch (SchemaNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> subjects() {
    List<String> out = new ArrayList<>();
    send("GET", "/subjects", null, null).forEach(s -> out.add(s.asText()));
    return out;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> out = new ArrayList<>();
    send("GET", "/subjects/" + encode(subject) + "/versions", null, null)
        .forEach(v -> out.add(v.asInt()));
    return out;
  }

  private RegisteredSchema registered(JsonNode answer) {
    int id = answer.path("id").asInt();
    Schema schema = parse(answer.path("schema").asText());
    schemasById.putIfAbsent(id, schema);
    return new RegisteredSchema(
        answer.path("subject").asText(), answer.path("version").asInt(), id, schema);
  }

  private JsonNode send(String method, String path, JsonNode body, String subject) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.url() + path))
            .timeout(config.requestTimeout())
            .header("Accept", CONTENT_TYPE + ", application/json");
    config
        .userInfo()
        .ifPresent(
            u ->
                request.header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8))));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
      request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "schema registry at " + config.url() + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted while calling the schema registry", e);
    }
    return answer(method, path, response, subject);
  }

  private JsonNode answer(
      String method, String path, HttpResponse<String> response, String subject) {
    int status = response.statusCode();
    JsonNode json = readJson(response.body());
    if (status >= 200 && status < 300) {
      return json;
    }
    int code = json.path("error_code").asInt(status);
    String message = json.path("message").asText(response.body());
    if (status == 404) {
      throw new SchemaNotFoundException(code, message);
    }
    if (status == 409) {
      throw new IncompatibleSchemaException(subject, code, message);
    }
    String what = method + " " + path + " answered HTTP " + status;
    if (status == 401 || status == 403) {
      throw new SchemaRegistryException(
          status, code, what + " (check basic.auth.user.info): " + message);
    }
    throw new SchemaRegistryException(status, code, what + ": " + message);
  }

  private static JsonNode readJson(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("message", body);
    }
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Keyed by the schema's text, as registries compare it: a changed doc is a new version. */
  private record SubjectSchema(String subject, String schema) {
    SubjectSchema(String subject, Schema schema) {
      this(subject, schema.toString());
    }
  }
}
