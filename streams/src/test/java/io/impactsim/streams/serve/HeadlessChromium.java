package io.impactsim.streams.serve;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: Debian's headless Chromium, run once per page, offline. Missing Chromium fails the
 * test under CI (where .ci/run installs it) and skips it elsewhere.
 */
final class HeadlessChromium {
  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Path profiles;

  private HeadlessChromium(Path profiles) {
    this.profiles = profiles;
  }

  /** Chromium, or the test is failed (under CI) or skipped (elsewhere) with a message. */
  static HeadlessChromium require(Path workDir) {
    if (!Files.isExecutable(BINARY)) {
      String message = BINARY + " not found; install Debian's chromium package";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (.ci/run installs it)");
      }
      Assumptions.abort(message);
    }
    return new HeadlessChromium(workDir);
  }

  /** The page's DOM once it has had {@code budget} of virtual time to run its scripts. */
  String dumpDom(String url, Duration budget) throws IOException, InterruptedException {
    return run(List.of("--virtual-time-budget=" + budget.toMillis(), "--dump-dom", url));
  }

  /** Saves a screenshot of the page after {@code budget} of virtual time. */
  void screenshot(String url, Duration budget, Path png) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(
        List.of(
            "--virtual-time-budget=" + budget.toMillis(),
            "--window-size=1400,1000",
            "--screenshot=" + png.toAbsolutePath(),
            url));
    if (!Files.exists(png)) {
      fail("chromium wrote no screenshot to " + png);
    }
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium-profile")));
    command.addAll(args);
    Path out = Files.createTempFile(profiles, "chromium", ".out");
    Path err = Files.createTempFile(profiles, "chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within " + TIMEOUT + ": " + tail(err));
    }
    if (process.exitValue() != 0) {
      fail("chromium exited with " + process.exitValue() + ": " + tail(err));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
  }
}
