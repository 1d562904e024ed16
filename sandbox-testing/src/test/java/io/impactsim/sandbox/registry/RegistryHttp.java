package io.impactsim.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a registry, for tests of the wire format that a client would hide. */
final class RegistryHttp {
  static final String SR_JSON = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  RegistryHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("response is not JSON: " + body, e);
      }
    }
  }

  Response get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, SR_JSON);
  }

  Response delete(String path) throws IOException, InterruptedException {
    return send("DELETE", path, null, SR_JSON);
  }

  Response post(String path, String body) throws IOException, InterruptedException {
    return send("POST", path, body, SR_JSON);
  }

  Response put(String path, String body) throws IOException, InterruptedException {
    return send("PUT", path, body, SR_JSON);
  }

  Response send(String method, String path, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  /** The request body that registers or looks up {@code schema}. */
  static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }
}
