package io.impactsim.sandbox.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given version for programs that need a newer Java than the
 * build: {@code IMPACTSIM_JAVA21_HOME}, then {@code JAVA_HOME}, then the JDKs under /usr/lib/jvm.
 */
final class JavaRuntimes {
  static final String JAVA21_HOME = "IMPACTSIM_JAVA21_HOME";
  private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

  private JavaRuntimes() {}

  /** The home directory of a Java runtime of version {@code minimum} or newer, if one is found. */
  static Optional<Path> find(int minimum) {
    String explicit = System.getenv(JAVA21_HOME);
    if (explicit != null && !explicit.isBlank()) {
      // Named on purpose: a wrong one is an error to report, not a reason to look elsewhere.
      Path home = Path.of(explicit);
      if (majorVersion(home).orElse(0) < minimum) {
        throw new IllegalStateException(
            JAVA21_HOME + "=" + explicit + " is not a Java " + minimum + "+ home");
      }
      return Optional.of(home);
    }
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && majorVersion(Path.of(javaHome)).orElse(0) >= minimum) {
      return Optional.of(Path.of(javaHome));
    }
    if (!Files.isDirectory(JVM_DIR)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(JVM_DIR)) {
      return homes
          .filter(home -> majorVersion(home).orElse(0) >= minimum)
          .max((a, b) -> Integer.compare(majorVersion(a).orElse(0), majorVersion(b).orElse(0)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + JVM_DIR, e);
    }
  }

  static Path javaExecutable(Path home) {
    return home.resolve("bin").resolve("java");
  }

  /** The feature version in the home's {@code release} file (25 for "25.0.1", 8 for "1.8.0"). */
  static Optional<Integer> majorVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(javaExecutable(home))) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + release, e);
    }
    String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
    String[] parts = version.split("[.+-]");
    if (parts.length == 0 || !parts[0].matches("[0-9]+")) {
      return Optional.empty();
    }
    int first = Integer.parseInt(parts[0]);
    if (first == 1 && parts.length > 1 && parts[1].matches("[0-9]+")) {
      return Optional.of(Integer.parseInt(parts[1]));
    }
    return Optional.of(first);
  }
}
