package io.impactsim.views.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A byte buffer that grows as it is written, without the lock {@link java.io.ByteArrayOutputStream}
 * takes on every write: state is encoded field by field, a byte at a time for its variable-length
 * numbers.
 */
final class GrowableBuffer extends OutputStream {
  private byte[] bytes;
  private int size;

  GrowableBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  @Override
  public void write(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (size + len > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
    }
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
