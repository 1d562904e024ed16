package io.impactsim.streams.serve;

/** A failure the API answers with a status and a one-line message, never a stack trace. */
final class ApiError extends RuntimeException {
  /** Seconds a client is asked to wait before retrying a 503. */
  static final int RETRY_AFTER_SECONDS = 2;

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
}
