package io.impactsim.schemas.registry;

/** A subject, version or schema id the registry does not know (HTTP 404). */
public class SchemaNotFoundException extends SchemaRegistryException {
  public SchemaNotFoundException(int errorCode, String message) {
    super(404, errorCode, message);
  }
}
