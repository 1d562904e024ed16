package io.impactsim.cli;

import io.impactsim.producer.publish.Speed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for the options of {@code impactsim produce}. */
final class ProduceConverters {
  private ProduceConverters() {}

  /** An ISO-8601 instant, or an ISO date meaning its start in UTC. */
  static final class EventTime implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.contains("T")
            ? Instant.parse(value)
            : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is neither a date (2025-11-03) nor an instant (2025-11-03T12:00:00Z)");
      }
    }
  }

  /** {@code max}, a rate such as {@code 1d/s}, or a factor such as {@code 3600x}. */
  static final class Pace implements ITypeConverter<Speed> {
    @Override
    public Speed convert(String value) {
      try {
        return Speed.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
