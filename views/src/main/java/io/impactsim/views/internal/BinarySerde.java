package io.impactsim.views.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of an internal state type (stores and repartition topics only, never a public topic),
 * written field by field behind a format version byte so a later format can still read old state.
 */
public abstract class BinarySerde<T> implements Serde<T> {
  private final int version;
  private final int oldestReadable;

  protected BinarySerde(int version) {
    this(version, 1);
  }

  /**
   * A serde writing format {@code version} that refuses state older than {@code oldestReadable},
   * for a change of meaning that old state cannot be converted to.
   */
  protected BinarySerde(int version, int oldestReadable) {
    this.version = version;
    this.oldestReadable = oldestReadable;
  }

  /** Writes the fields of a non-null value. */
  protected abstract void write(DataOutputStream out, T value) throws IOException;

  /** Reads the fields written by {@link #write} in the given format version. */
  protected abstract T read(DataInputStream in, int formatVersion) throws IOException;

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      GrowableBuffer bytes = new GrowableBuffer(256);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(version);
        write(out, value);
      } catch (IOException e) {
        throw new SerializationException("cannot encode " + value.getClass().getSimpleName(), e);
      }
      return bytes.toByteArray();
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
        int formatVersion = in.readUnsignedByte();
        if (formatVersion > version) {
          throw new SerializationException(
              "state format "
                  + formatVersion
                  + " is newer than this version reads ("
                  + version
                  + ")");
        }
        if (formatVersion < oldestReadable) {
          throw new SerializationException(
              "state format "
                  + formatVersion
                  + " on "
                  + topic
                  + " was written by an earlier version that this one cannot continue from;"
                  + " rebuild the views from the log with 'impactsim reset'");
        }
        return read(in, formatVersion);
      } catch (IOException e) {
        throw new SerializationException("cannot decode internal state on " + topic, e);
      }
    };
  }

  /** Writes a string that may be null. */
  protected static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  /** Reads a string written by {@link #writeNullable}. */
  protected static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
