package io.impactsim.views.internal;

import io.impactsim.topics.Topic;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Writes input records inside internal state in the encoding of their input topic (schema id plus
 * Avro body), so that state written by an older version is read through the registry like the topic
 * itself.
 */
public final class EmbeddedRecords<V> {
  private final Topic<String, V> topic;

  public EmbeddedRecords(Topic<String, V> topic) {
    this.topic = topic;
  }

  /** Writes a record that may be null. */
  public void write(DataOutputStream out, V value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads a record written by {@link #write}. */
  public V read(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = in.readNBytes(length);
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }
}
