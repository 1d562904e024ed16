package io.impactsim.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application for the part of an answer it holds. The forwarded
 * request carries {@link #SCOPE_HEADER}, so the peer answers from its own stores only and a request
 * never travels further than one hop.
 */
final class Forwarder {
  /** Header of a forwarded request; its value {@value #LOCAL} asks for local stores only. */
  static final String SCOPE_HEADER = "X-Impactsim-Scope";

  static final String LOCAL = "local";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  /**
   * The peer's answer to the same path and query: its JSON body, or empty for a 404.
   *
   * @throws ApiError unavailable when the peer cannot answer now
   */
  /**
   * Hands the peer's 200 answer to the reader as a stream, read as it arrives; a 404 is no answer.
   *
   * @throws ApiError unavailable when the peer cannot answer now
   */
  void read(HostInfo peer, String pathAndQuery, Consumer<InputStream> reader) {
    URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(SCOPE_HEADER, LOCAL).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ApiError.unavailable("instance " + peer.host() + ":" + peer.port() + " is unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted while asking another instance");
    }
    try (InputStream body = response.body()) {
      switch (response.statusCode()) {
        case 200 -> reader.accept(body);
        case 404 -> {}
        default ->
            throw ApiError.unavailable(
                "instance "
                    + peer.host()
                    + ":"
                    + peer.port()
                    + " answered "
                    + response.statusCode());
      }
    } catch (IOException e) {
      throw ApiError.unavailable("instance " + peer.host() + ":" + peer.port() + " broke off");
    }
  }

  Optional<String> get(HostInfo peer, String pathAndQuery) {
    URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(SCOPE_HEADER, LOCAL).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ApiError.unavailable("instance " + peer.host() + ":" + peer.port() + " is unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted while asking another instance");
    }
    return switch (response.statusCode()) {
      case 200 -> Optional.of(response.body());
      case 404 -> Optional.empty();
      default ->
          throw ApiError.unavailable(
              "instance " + peer.host() + ":" + peer.port() + " answered " + response.statusCode());
    };
  }
}
