package io.impactsim.schemas.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * The one encoding of every key made of several identifiers (stores, repartition topics, view
 * topics): the parts joined by {@code |}, with {@code \} and {@code |} inside a part escaped by a
 * backslash. The encoding is injective, so no two different tuples share a key whatever the ids
 * contain, and {@link #prefix} of a tuple is a prefix of exactly the keys that extend it, which
 * keeps range scans within one entity. Ids without either character encode as themselves, so {@code
 * segment|period} reads as it always did.
 */
public final class CompositeKey {
  /** Separator between parts. */
  public static final char SEPARATOR = '|';

  private static final char ESCAPE = '\\';

  private CompositeKey() {}

  /** The key of the parts, in order; no part may be null. */
  public static String of(String... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("a composite key needs at least one part");
    }
    StringBuilder key = new StringBuilder(length(parts));
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        key.append(SEPARATOR);
      }
      appendEscaped(key, parts[i]);
    }
    return key.toString();
  }

  /**
   * The start of every key whose first parts are {@code parts}: their encoding and a separator. A
   * key has this prefix if and only if its leading parts equal {@code parts}.
   */
  public static String prefix(String... parts) {
    return of(parts) + SEPARATOR;
  }

  /** The parts of a key made by {@link #of}. */
  public static List<String> parts(String key) {
    List<String> parts = new ArrayList<>(4);
    StringBuilder part = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == ESCAPE) {
        if (i + 1 == key.length()) {
          throw new IllegalArgumentException("composite key ends inside an escape: " + key);
        }
        part.append(key.charAt(++i));
      } else if (c == SEPARATOR) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  private static void appendEscaped(StringBuilder key, String part) {
    if (part == null) {
      throw new IllegalArgumentException("a composite key part must not be null");
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == ESCAPE || c == SEPARATOR) {
        key.append(ESCAPE);
      }
      key.append(c);
    }
  }

  private static int length(String[] parts) {
    int n = parts.length;
    for (String p : parts) {
      n += p == null ? 0 : p.length() + 2;
    }
    return n;
  }
}
