package io.impactsim.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.json.AvroToJson;

/**
 * A failure the API answers with a status and a one-line message, never a stack trace; every error
 * body, whoever finds the error, is {@code {"status": <code>, "message": "..."}}.
 */
final class ApiError extends RuntimeException {
  /** Seconds a client is asked to wait before retrying a 503. */
  static final int RETRY_AFTER_SECONDS = 2;

  static final String CONTENT_TYPE = "application/json";

  /** What a request for a path the server does not serve is told. */
  static final String NOT_FOUND_MESSAGE =
      "no such resource; the API serves /api/market-share, /api/capex, /api/market-cap,"
          + " /api/reactions and /api/stream, besides /health, /ready and /metrics";

  private final int status;

  private ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError unavailable(String message) {
    return new ApiError(503, message);
  }

  int status() {
    return status;
  }

  /** The JSON body of an error. */
  static ObjectNode body(int status, String message) {
    ObjectNode body = AvroToJson.MAPPER.createObjectNode();
    body.put("status", status);
    body.put("message", message);
    return body;
  }
}
