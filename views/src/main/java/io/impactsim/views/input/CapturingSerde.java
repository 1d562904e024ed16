package io.impactsim.views.input;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wraps a value serde so that reading keeps the original bytes next to the decoded value; a failure
 * to decode still throws, which hands the record to the deserialization handler.
 */
public final class CapturingSerde<V> implements Serde<Captured<V>> {
  private final Serde<V> inner;

  public CapturingSerde(Serde<V> inner) {
    this.inner = inner;
  }

  @Override
  public Serializer<Captured<V>> serializer() {
    return (topic, captured) -> captured == null ? null : captured.bytes();
  }

  @Override
  public Deserializer<Captured<V>> deserializer() {
    Deserializer<V> decoder = inner.deserializer();
    return new Deserializer<>() {
      @Override
      public Captured<V> deserialize(String topic, byte[] data) {
        return data == null ? null : new Captured<>(decoder.deserialize(topic, data), data);
      }

      @Override
      public Captured<V> deserialize(String topic, Headers headers, byte[] data) {
        return data == null
            ? null
            : new Captured<>(decoder.deserialize(topic, headers, data), data);
      }
    };
  }
}
