package io.impactsim.producer.history;

/**
 * One problem found in a history input, located precisely enough to fix it in an editor.
 *
 * @param file the file name as given (or the resource name)
 * @param line 1-based line of a JSON Lines file, or 1-based record number of an Avro file
 * @param field path of the offending field such as {@code accelerators[0].count}; empty when the
 *     whole line is at fault
 * @param message what is wrong, in words
 */
public record HistoryProblem(String file, long line, String field, String message) {

  /** Renders {@code file:line:field: message}, the form compilers use, so editors can jump. */
  @Override
  public String toString() {
    String where = field.isEmpty() ? file + ":" + line : file + ":" + line + ":" + field;
    return where + ": " + message;
  }
}
