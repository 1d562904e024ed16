package io.impactsim.streams.input;

/**
 * An input event after the gate: accepted with its decoded value, or rejected with the reason and
 * the original bytes to dead-letter.
 */
public record Gated<V>(V value, byte[] bytes, String rejection) {

  public boolean rejected() {
    return rejection != null;
  }
}
