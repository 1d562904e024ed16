package io.impactsim.schemas.validation;

import java.util.Optional;

/**
 * The rules every identifier (event, deal and contract ids, company ids, segments, accelerator
 * models) must follow, in the producer and in the streams input gate alike. Ids become Kafka keys
 * and state keys, so two ids that look or decode alike must not both be accepted: Kafka's string
 * encoding writes an unpaired surrogate as {@code ?} and decodes bytes that are not UTF-8 as
 * U+FFFD, and ids made only of invisible characters cannot be told apart by anyone reading a view.
 *
 * <p>Each check returns a phrase that follows the field's name ("buyer is blank"), or empty.
 */
public final class Identifiers {
  /**
   * Longest identifier or name accepted. Identifiers become keys and state, whose encodings have
   * limits (a state string holds at most 64 KiB); refusing an oversized one at the input keeps an
   * event from being applied to some views and failing in others.
   */
  public static final int MAX_LENGTH = 1_000;

  private static final char REPLACEMENT = '\uFFFD';

  private Identifiers() {}

  /** Why {@code id} is not an acceptable identifier, or empty when it is. */
  public static Optional<String> problem(String id) {
    if (id.isEmpty()) {
      return Optional.of("is empty");
    }
    Optional<String> length = length(id);
    if (length.isPresent()) {
      return length;
    }
    Optional<String> malformed = wellFormed(id);
    if (malformed.isPresent()) {
      return malformed;
    }
    if (id.isBlank()) {
      return Optional.of("is blank");
    }
    boolean visible = false;
    for (int i = 0; i < id.length(); ) {
      int c = id.codePointAt(i);
      if (c == REPLACEMENT) {
        return Optional.of(
            "contains U+FFFD at index "
                + i
                + ", the replacement character that stands for undecodable bytes");
      }
      if (Character.getType(c) == Character.CONTROL) {
        return Optional.of("contains the control character " + codePoint(c) + " at index " + i);
      }
      visible |= !invisible(c);
      i += Character.charCount(c);
    }
    if (!visible) {
      return Optional.of("has only invisible characters (spaces, format characters)");
    }
    return Optional.empty();
  }

  /** Why a name (a business unit, a company's name) is not acceptable: too long or malformed. */
  public static Optional<String> nameProblem(String name) {
    return length(name).or(() -> wellFormed(name));
  }

  /**
   * Why free text (notes, sources, descriptions) is not acceptable: only when it is not well-formed
   * UTF-16, since it would not be written as it was read.
   */
  public static Optional<String> textProblem(String text) {
    return wellFormed(text);
  }

  /**
   * Whether the code point shows nothing on its own: white space, space separators such as the
   * no-break space, format characters such as the zero-width space or the byte-order mark,
   * controls, combining marks, variation selectors and the fillers that render as blank.
   */
  public static boolean invisible(int c) {
    return switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.FORMAT,
          Character.CONTROL,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK ->
          true;
      default ->
          Character.isWhitespace(c)
              || c == 0x115F // HANGUL CHOSEONG FILLER
              || c == 0x1160 // HANGUL JUNGSEONG FILLER
              || c == 0x3164 // HANGUL FILLER
              || c == 0xFFA0 // HALFWIDTH HANGUL FILLER
              || c == 0x2800 // BRAILLE PATTERN BLANK
              || c == 0x180E; // MONGOLIAN VOWEL SEPARATOR
    };
  }

  /** Why the text is not well-formed UTF-16 (an unpaired surrogate), or empty. */
  public static Optional<String> wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(
            "is not well-formed Unicode: unpaired surrogate " + codePoint(c) + " at index " + i);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> length(String text) {
    return text.length() > MAX_LENGTH
        ? Optional.of("is longer than " + MAX_LENGTH + " characters (" + text.length() + ")")
        : Optional.empty();
  }

  private static String codePoint(int c) {
    return String.format("U+%04X", c);
  }
}
