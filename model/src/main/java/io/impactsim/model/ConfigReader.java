package io.impactsim.model;

import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Reads typed values from the model's properties, remembering which keys were used. */
final class ConfigReader {
  private final Properties properties;
  private final String origin;
  private final Set<String> used = new HashSet<>();

  ConfigReader(Properties properties, String origin) {
    this.properties = properties;
    this.origin = origin;
  }

  String text(String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(origin + ": missing parameter '" + key + "'");
    }
    used.add(key);
    return value.trim();
  }

  double number(String key) {
    String value = text(key);
    try {
      double parsed = Double.parseDouble(value);
      if (!Double.isFinite(parsed)) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          origin + ": parameter '" + key + "' must be a finite number, not '" + value + "'");
    }
  }

  double nonNegative(String key) {
    double value = number(key);
    if (value < 0) {
      throw new IllegalArgumentException(origin + ": parameter '" + key + "' must be >= 0");
    }
    return value;
  }

  double positive(String key) {
    double value = number(key);
    if (value <= 0) {
      throw new IllegalArgumentException(origin + ": parameter '" + key + "' must be > 0");
    }
    return value;
  }

  /** A bound on a return: a value cannot fall by 100% or more in one event. */
  double returnBound(String key) {
    double value = positive(key);
    if (value >= 1) {
      throw new IllegalArgumentException(origin + ": parameter '" + key + "' must be < 1");
    }
    return value;
  }

  int count(String key) {
    double value = positive(key);
    if (value != Math.rint(value)) {
      throw new IllegalArgumentException(origin + ": parameter '" + key + "' must be an integer");
    }
    return (int) value;
  }

  /** Refuses keys nobody read, so that a misspelt parameter is an error rather than ignored. */
  void rejectUnknownKeys() {
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(used);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(origin + ": unknown parameter(s) " + unknown);
    }
  }
}
