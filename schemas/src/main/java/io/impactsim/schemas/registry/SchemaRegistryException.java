package io.impactsim.schemas.registry;

/**
 * An error answered by a schema registry (or the failure to reach one), with the HTTP status and
 * the Confluent error code when the registry gave them.
 */
public class SchemaRegistryException extends RuntimeException {
  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
    this.errorCode = -1;
  }

  /** The HTTP status, or -1 when the registry could not be reached. */
  public int status() {
    return status;
  }

  /** The Confluent error code (e.g. 40401, 40403, 409, 42201), or -1 when absent. */
  public int errorCode() {
    return errorCode;
  }
}
