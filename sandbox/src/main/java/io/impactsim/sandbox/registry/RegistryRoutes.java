package io.impactsim.sandbox.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.CompatibilityResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the registry: the routes, request bodies and response shapes of the Confluent
 * Schema Registry API. Every failure becomes a JSON body {@code {"error_code", "message"}}.
 */
final class RegistryRoutes {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes are always allowed: the registry has no READONLY or IMPORT mode. */
  private static final String MODE = "READWRITE";

  /** Confluent's name of the default context, the only one this registry has. */
  private static final String DEFAULT_CONTEXT = ".";

  private final RegistryService service;

  RegistryRoutes(RegistryService service) {
    this.service = service;
  }

  void addTo(RoutesConfig routes) {
    addSchemaRoutes(routes);
    addConfigRoutes(routes);
    addReadOnlyRoutes(routes);
    addErrorHandlers(routes);
  }

  private void addSchemaRoutes(RoutesConfig routes) {
    routes.get("/", ctx -> json(ctx, JSON.createObjectNode()));
    routes.get("/schemas/types", ctx -> json(ctx, List.of("AVRO")));
    routes.get("/schemas/ids/{id}", ctx -> json(ctx, schemaBody(service.schemaById(id(ctx)))));
    routes.get("/schemas/ids/{id}/schema", ctx -> raw(ctx, service.schemaById(id(ctx))));

    routes.get("/subjects", ctx -> json(ctx, service.subjects(flag(ctx, "deleted"))));
    routes.post("/subjects/{subject}", this::lookup);
    routes.delete(
        "/subjects/{subject}",
        ctx -> json(ctx, service.deleteSubject(subject(ctx), flag(ctx, "permanent"))));
    routes.get(
        "/subjects/{subject}/versions",
        ctx -> json(ctx, service.versions(subject(ctx), flag(ctx, "deleted"))));
    routes.post("/subjects/{subject}/versions", this::register);
    routes.get(
        "/subjects/{subject}/versions/{version}", ctx -> json(ctx, versionBody(version(ctx))));
    routes.get(
        "/subjects/{subject}/versions/{version}/schema", ctx -> raw(ctx, version(ctx).schema()));

    routes.post("/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility);
    routes.post("/compatibility/subjects/{subject}/versions", this::checkCompatibility);
  }

  private void addConfigRoutes(RoutesConfig routes) {
    routes.get("/config", ctx -> json(ctx, levelBody("compatibilityLevel", service.globalLevel())));
    routes.put("/config", this::putGlobalLevel);
    routes.get(
        "/config/{subject}",
        ctx ->
            json(
                ctx,
                levelBody(
                    "compatibilityLevel",
                    service.subjectLevel(subject(ctx), flag(ctx, "defaultToGlobal")))));
    routes.put("/config/{subject}", this::putSubjectLevel);
    routes.delete(
        "/config/{subject}",
        ctx ->
            json(ctx, levelBody("compatibilityLevel", service.deleteSubjectLevel(subject(ctx)))));
  }

  /**
   * What registry browsers and migration tools read besides schemas and subjects: the schema list,
   * where an id is used, references, mode and contexts.
   */
  private void addReadOnlyRoutes(RoutesConfig routes) {
    routes.get("/schemas", this::listSchemas);
    routes.get(
        "/schemas/ids/{id}/versions",
        ctx -> {
          ArrayNode body = JSON.createArrayNode();
          service
              .versionsOfId(id(ctx), flag(ctx, "deleted"))
              .forEach(
                  v -> body.addObject().put("subject", v.subject()).put("version", v.version()));
          json(ctx, body);
        });
    routes.get(
        "/subjects/{subject}/versions/{version}/referencedby",
        ctx -> json(ctx, service.referencedBy(subject(ctx), ctx.pathParam("version"))));
    routes.get("/mode", ctx -> json(ctx, JSON.createObjectNode().put("mode", MODE)));
    routes.get(
        "/mode/{subject}",
        ctx -> {
          // No subject has a mode of its own; Confluent answers so unless asked for the global one.
          if (!flag(ctx, "defaultToGlobal")) {
            throw RegistryError.subjectModeNotConfigured(subject(ctx));
          }
          json(ctx, JSON.createObjectNode().put("mode", MODE));
        });
    routes.get("/contexts", ctx -> json(ctx, List.of(DEFAULT_CONTEXT)));
  }

  private void listSchemas(Context ctx) throws JsonProcessingException {
    String prefix = Optional.ofNullable(ctx.queryParam("subjectPrefix")).orElse("");
    List<RegistryService.Version> all =
        service.schemas(prefix, flag(ctx, "deleted"), flag(ctx, "latestOnly"));
    int offset = Math.min(Math.max(0, count(ctx, "offset", 0)), all.size());
    int limit = count(ctx, "limit", -1);
    int end = limit < 0 ? all.size() : (int) Math.min((long) offset + limit, all.size());
    ArrayNode body = JSON.createArrayNode();
    all.subList(offset, end).forEach(v -> body.add(versionBody(v)));
    json(ctx, body);
  }

  private static void addErrorHandlers(RoutesConfig routes) {
    routes.exception(RegistryError.class, (e, ctx) -> error(ctx, e));
    routes.exception(
        JsonProcessingException.class,
        (e, ctx) ->
            error(ctx, RegistryError.badRequest("Malformed JSON: " + e.getOriginalMessage())));
    // Unknown routes and other framework errors answer in the API's error shape too.
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            error(
                ctx,
                e.getStatus() == 404
                    ? RegistryError.routeNotFound(ctx.method().name(), ctx.path())
                    : RegistryError.badRequest(e.getMessage())));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, RegistryError.internal(e.getClass().getSimpleName() + ": " + e.getMessage()));
        });
  }

  private void register(Context ctx) throws JsonProcessingException {
    int id = service.register(subject(ctx), candidate(ctx));
    json(ctx, JSON.createObjectNode().put("id", id));
  }

  private void lookup(Context ctx) throws JsonProcessingException {
    json(ctx, versionBody(service.lookup(subject(ctx), candidate(ctx), flag(ctx, "deleted"))));
  }

  private void checkCompatibility(Context ctx) throws JsonProcessingException {
    Optional<String> version = Optional.ofNullable(ctx.pathParamMap().get("version"));
    CompatibilityResult result = service.checkCompatibility(subject(ctx), version, candidate(ctx));
    ObjectNode body = JSON.createObjectNode().put("is_compatible", result.compatible());
    if (flag(ctx, "verbose")) {
      ArrayNode messages = body.putArray("messages");
      result.messages().forEach(messages::add);
    }
    json(ctx, body);
  }

  private void putGlobalLevel(Context ctx) throws JsonProcessingException {
    CompatibilityLevel level = level(ctx);
    service.setGlobalLevel(level);
    json(ctx, levelBody("compatibility", level));
  }

  private void putSubjectLevel(Context ctx) throws JsonProcessingException {
    CompatibilityLevel level = level(ctx);
    service.setSubjectLevel(subject(ctx), level);
    json(ctx, levelBody("compatibility", level));
  }

  private RegistryService.Version version(Context ctx) {
    return service.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"));
  }

  private static CandidateSchema candidate(Context ctx) throws JsonProcessingException {
    JsonNode body = body(ctx);
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw RegistryError.invalidSchema("Invalid schema: the request has no \"schema\" string");
    }
    JsonNode type = body.get("schemaType");
    List<JsonNode> references = new ArrayList<>();
    body.path("references").forEach(references::add);
    return CandidateSchema.parse(
        schema.asText(), type == null || type.isNull() ? null : type.asText(), references);
  }

  private static CompatibilityLevel level(Context ctx) throws JsonProcessingException {
    JsonNode body = body(ctx);
    JsonNode value =
        body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
    String text = value == null ? "" : value.asText();
    for (CompatibilityLevel level : CompatibilityLevel.values()) {
      if (level.name().equalsIgnoreCase(text)) {
        return level;
      }
    }
    throw RegistryError.invalidCompatibilityLevel(text);
  }

  private static JsonNode body(Context ctx) throws JsonProcessingException {
    JsonNode body = JSON.readTree(ctx.body());
    if (body == null || !body.isObject()) {
      throw RegistryError.badRequest("The request body must be a JSON object");
    }
    return body;
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static int id(Context ctx) {
    String text = ctx.pathParam("id");
    if (!text.matches("[0-9]{1,9}")) {
      throw RegistryError.schemaNotFound("Schema " + text);
    }
    return Integer.parseInt(text);
  }

  /** A paging parameter: a whole number, -1 for no limit; absent means {@code otherwise}. */
  private static int count(Context ctx, String name, int otherwise) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    if (!text.matches("-1|[0-9]{1,9}")) {
      throw RegistryError.badRequest(name + " must be a whole number or -1, not '" + text + "'");
    }
    return Integer.parseInt(text);
  }

  private static boolean flag(Context ctx, String name) {
    return Boolean.parseBoolean(ctx.queryParam(name));
  }

  private static ObjectNode schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema);
  }

  private static ObjectNode versionBody(RegistryService.Version v) {
    return JSON.createObjectNode()
        .put("subject", v.subject())
        .put("version", v.version())
        .put("id", v.id())
        .put("schema", v.schema());
  }

  private static ObjectNode levelBody(String field, CompatibilityLevel level) {
    return JSON.createObjectNode().put(field, level.name());
  }

  private static void json(Context ctx, Object body) throws JsonProcessingException {
    ctx.contentType(CONTENT_TYPE).result(JSON.writeValueAsString(body));
  }

  private static void raw(Context ctx, String schema) {
    ctx.contentType(CONTENT_TYPE).result(schema);
  }

  private static void error(Context ctx, RegistryError e) {
    ObjectNode body =
        JSON.createObjectNode().put("error_code", e.errorCode()).put("message", e.getMessage());
    ctx.status(e.status()).contentType(CONTENT_TYPE).result(body.toString());
  }
}
