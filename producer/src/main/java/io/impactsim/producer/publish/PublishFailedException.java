package io.impactsim.producer.publish;

/**
 * Publishing stopped at the first event the cluster did not confirm. Every event before {@link
 * #resumeFrom()} in input order was confirmed; publishing again from that event (ids are stable, so
 * consumers count a re-published event once) loses nothing.
 */
public final class PublishFailedException extends RuntimeException {
  private final PublishReport confirmed;
  private final String resumeFrom;

  public PublishFailedException(PublishReport confirmed, String resumeFrom, Throwable cause) {
    super(
        String.format(
            "publishing stopped after %,d confirmed events: %s; resume with --resume-from %s",
            confirmed.total(), cause.getMessage(), resumeFrom),
        cause);
    this.confirmed = confirmed;
    this.resumeFrom = resumeFrom;
  }

  /** What was confirmed before the run stopped. */
  public PublishReport confirmed() {
    return confirmed;
  }

  /** Number of events the broker confirmed. */
  public long confirmedCount() {
    return confirmed.total();
  }

  /** Id of the first event in input order that was not confirmed. */
  public String resumeFrom() {
    return resumeFrom;
  }
}
