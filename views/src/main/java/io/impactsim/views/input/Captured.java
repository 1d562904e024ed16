package io.impactsim.views.input;

/**
 * A decoded input value together with the exact bytes it was read from, so that a record rejected
 * after decoding can still be dead-lettered byte for byte.
 *
 * @param value the decoded record; null for a tombstone
 * @param bytes the bytes as they were on the topic
 */
public record Captured<V>(V value, byte[] bytes) {}
