package io.impactsim.views.input;

/**
 * An input event after the gate: accepted with its decoded value, or rejected with the reason and
 * the key and bytes to dead-letter (left out, and described in the headers, when the dead letter
 * would be too large; see {@link DeadLetters#letter}).
 *
 * @param value the decoded event; null when rejected
 * @param bytes the value as read; for a rejected event, the dead letter's value
 * @param rejection why it was rejected; null when accepted
 * @param deadLetterKey for a rejected event, the dead letter's key
 */
public record Gated<V>(V value, byte[] bytes, String rejection, byte[] deadLetterKey) {

  static <V> Gated<V> accepted(V value, byte[] bytes) {
    return new Gated<>(value, bytes, null, null);
  }

  static <V> Gated<V> rejected(String reason, DeadLetters.Letter letter) {
    return new Gated<>(null, letter.value(), reason, letter.key());
  }

  public boolean rejected() {
    return rejection != null;
  }
}
