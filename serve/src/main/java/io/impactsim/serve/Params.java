package io.impactsim.serve;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of the API's path and query parameters: known names, bounded lengths, a safe charset.
 */
final class Params {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]|ALL");
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private Params() {}

  /**
   * Refuses a query string the server would decode leniently (a {@code %} not followed by two hex
   * digits is dropped or kept as it is), any query parameter not in {@code allowed}, and any given
   * twice.
   */
  static void only(Context ctx, Set<String> allowed) {
    String query = ctx.queryString();
    if (query != null && BAD_ESCAPE.matcher(query).find()) {
      throw ApiError.badRequest(
          "bad percent-encoding in the query: '%' must be followed by two" + " hex digits");
    }
    for (var e : ctx.queryParamMap().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw ApiError.badRequest(
            "unknown parameter '" + printable(e.getKey()) + "'; allowed: " + allowed);
      }
      if (e.getValue().size() > 1) {
        throw ApiError.badRequest("parameter '" + e.getKey() + "' given more than once");
      }
    }
  }

  static String company(Context ctx) {
    return valid("company", ctx.pathParam("company"), ID);
  }

  static Optional<String> id(Context ctx, String name) {
    return query(ctx, name, ID);
  }

  static Optional<String> event(Context ctx) {
    return query(ctx, "event", EVENT_ID);
  }

  static Optional<String> quarter(Context ctx) {
    return query(ctx, "quarter", QUARTER);
  }

  /**
   * A query parameter: absent is empty, but an empty value ({@code ?segment=}) is refused, since
   * reading it as absent would answer a question the client did not ask (every segment).
   */
  private static Optional<String> query(Context ctx, String name, Pattern pattern) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isEmpty()) {
      throw ApiError.badRequest(
          "empty value of parameter '" + name + "': give a value or leave the parameter out");
    }
    return Optional.of(valid(name, value, pattern));
  }

  private static String valid(String name, String value, Pattern pattern) {
    if (!pattern.matcher(value).matches()) {
      throw ApiError.badRequest(
          "invalid "
              + name
              + " '"
              + printable(value)
              + "': expected "
              + (pattern == QUARTER
                  ? "a quarter such as 2025-Q3, or ALL"
                  : "letters, digits, '.', '_' or '-'")
              + (pattern == QUARTER
                  ? ""
                  : ", at most " + (pattern == ID ? 64 : 128) + " characters"));
    }
    return value;
  }

  // Echo at most a short, printable prefix of what the client sent.
  private static String printable(String value) {
    String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return cut.replaceAll("[^A-Za-z0-9._ -]", "?");
  }
}
