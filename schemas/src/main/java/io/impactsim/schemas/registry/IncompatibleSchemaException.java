package io.impactsim.schemas.registry;

/** A schema the subject's compatibility rule rejects (HTTP 409); nothing was registered. */
public class IncompatibleSchemaException extends SchemaRegistryException {
  private final String subject;

  public IncompatibleSchemaException(String subject, int errorCode, String message) {
    super(409, errorCode, "schema rejected for subject '" + subject + "': " + message);
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
