package io.impactsim.producer.publish;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast to replay event time: as fast as possible, or so many simulated seconds per wall-clock
 * second. Written {@code max}, {@code 1d/s} (one simulated day per second; also {@code h}, {@code
 * w}, {@code m} for minutes and {@code s}), or a plain factor such as {@code 3600x}.
 *
 * @param factor simulated time per wall time; {@code Double.POSITIVE_INFINITY} for {@code max}
 */
public record Speed(double factor) {
  /** As fast as the cluster takes it. */
  public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)([smhdw])/s");
  private static final Pattern FACTOR = Pattern.compile("(\\d+(?:\\.\\d+)?)x");

  public Speed {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("speed factor must be positive, got " + factor);
    }
  }

  public boolean isMax() {
    return Double.isInfinite(factor);
  }

  /** Parses {@code max}, {@code <n><unit>/s} or {@code <n>x}. */
  public static Speed parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("max")) {
      return MAX;
    }
    Matcher rate = RATE.matcher(s);
    if (rate.matches()) {
      return new Speed(Double.parseDouble(rate.group(1)) * unitSeconds(rate.group(2)));
    }
    Matcher factor = FACTOR.matcher(s);
    if (factor.matches()) {
      return new Speed(Double.parseDouble(factor.group(1)));
    }
    throw new IllegalArgumentException(
        "invalid speed '"
            + text
            + "': use max, a rate such as 1d/s, 6h/s, 1w/s, or a factor such as 3600x");
  }

  /** Wall-clock time that replaying the given span of event time should take. */
  public Duration wallTimeFor(Duration eventTime) {
    if (isMax()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(eventTime.toNanos() / factor));
  }

  private static long unitSeconds(String unit) {
    return switch (unit) {
      case "s" -> 1;
      case "m" -> 60;
      case "h" -> 3_600;
      case "d" -> 86_400;
      default -> 604_800;
    };
  }

  @Override
  public String toString() {
    return isMax() ? "max" : factor + "x";
  }
}
