package io.impactsim.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.json.AvroToJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test support: plain GET requests to a view server. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> get(String baseUrl, String pathAndQuery) {
    URI uri = URI.create(baseUrl.replaceAll("/$", "") + pathAndQuery);
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return AvroToJson.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }
}
