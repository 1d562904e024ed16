package io.impactsim.producer.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each one on its own with a strict UTF-8 decoder, so
 * that an undecodable line is one problem of that line and the lines after it are still read. Lines
 * are bounded in length, and a stream that is not text at all is given up on early.
 */
final class Utf8Lines {
  /** The longest line read; a JSON Lines event is a few hundred bytes. */
  static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  /** After this many undecodable lines the input is taken for a binary file. */
  static final int MAX_BAD_LINES = 1_000;

  /** Receives each decoded line, or the reason a line could not be decoded. */
  interface Handler {
    void line(long number, String text);

    void problem(long number, String message);
  }

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final Handler handler;
  private byte[] line = new byte[8 * 1024];
  private int length;
  private boolean overlong;
  private long number;
  private int badLines;
  private String decoded;

  private Utf8Lines(Handler handler) {
    this.handler = handler;
  }

  /** Reads every line of {@code in} into {@code handler}; {@code in} is not closed. */
  static void read(InputStream in, Handler handler) throws IOException {
    new Utf8Lines(handler).readAll(in);
  }

  private void readAll(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    boolean first = true;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      int start = 0;
      if (first && n > 0) {
        first = false;
        String utf16 = utf16ByteOrderMark(buffer, n);
        if (utf16 != null) {
          handler.problem(
              1, "not UTF-8: the file starts with a " + utf16 + " mark; save it as UTF-8");
          return;
        }
        start = utf8ByteOrderMark(buffer, n);
      }
      for (int i = start; i < n; i++) {
        if (buffer[i] == '\n') {
          append(buffer, start, i - start);
          if (!endLine()) {
            return;
          }
          start = i + 1;
        }
      }
      append(buffer, start, n - start);
    }
    if (length > 0 || overlong) {
      endLine();
    }
  }

  private static String utf16ByteOrderMark(byte[] b, int n) {
    if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return "UTF-16 (big-endian) byte-order";
    }
    if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return "UTF-16 (little-endian) byte-order";
    }
    return null;
  }

  // A UTF-8 byte-order mark is allowed and skipped, as editors on some systems write one.
  private static int utf8ByteOrderMark(byte[] b, int n) {
    boolean bom = n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
    return bom ? 3 : 0;
  }

  private void append(byte[] bytes, int from, int count) {
    if (overlong || count == 0) {
      return;
    }
    if (length + count > MAX_LINE_BYTES) {
      overlong = true;
      length = 0;
      line = new byte[8 * 1024];
      return;
    }
    if (length + count > line.length) {
      line =
          Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + count)));
    }
    System.arraycopy(bytes, from, line, length, count);
    length += count;
  }

  /** Hands over the line just ended; false once the input is given up on. */
  private boolean endLine() {
    number++;
    try {
      if (overlong) {
        handler.problem(
            number, "line longer than " + MAX_LINE_BYTES / (1024 * 1024) + " MiB: not read");
        return true;
      }
      int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
      String problem = undecodable(end);
      if (problem == null) {
        handler.line(number, decoded);
        return true;
      }
      handler.problem(number, problem);
      if (++badLines >= MAX_BAD_LINES) {
        handler.problem(
            number,
            "gave up after "
                + MAX_BAD_LINES
                + " lines that are not UTF-8 text: is this a binary file?");
        return false;
      }
      return true;
    } finally {
      length = 0;
      overlong = false;
    }
  }

  /** Decodes the line into {@link #decoded}, or says why it cannot be. */
  private String undecodable(int end) {
    for (int i = 0; i < end; i++) {
      if (line[i] == 0) {
        return "not UTF-8 text: a NUL byte at byte " + (i + 1) + " of the line (binary or UTF-16?)";
      }
    }
    ByteBuffer in = ByteBuffer.wrap(line, 0, end);
    CharBuffer out = CharBuffer.allocate(end);
    decoder.reset();
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      return String.format(
          "not UTF-8: byte 0x%02X at byte %d of the line cannot be decoded; save the file as UTF-8",
          line[at] & 0xff, at + 1);
    }
    out.flip();
    decoded = out.toString();
    return null;
  }
}
