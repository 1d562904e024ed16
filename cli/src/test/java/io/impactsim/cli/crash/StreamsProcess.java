package io.impactsim.cli.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The {@code impactsim streams} command running in a JVM of its own, so that it can be killed the
 * way an operating system or an orchestrator kills a process: without running any of its code.
 */
final class StreamsProcess implements AutoCloseable {
  /** What the command prints once Kafka Streams is RUNNING. */
  static final String RUNNING_LINE = "Running as application";

  /** Exit status of a process ended by SIGKILL (128 + 9). */
  static final int SIGKILL_EXIT = 137;

  /** Exit status of a process ended by SIGTERM (128 + 15) after its shutdown hooks ran. */
  static final int SIGTERM_EXIT = 143;

  private final Process process;
  private final Path log;
  private final Thread killOnExit;

  private StreamsProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    // A test JVM stopped half-way must not leave the application running against a broker that
    // is gone (it would retry for ever).
    this.killOnExit = new Thread(process::destroyForcibly, "streams-process-kill-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts {@code impactsim <connection> streams <streamsArgs>} on the given class path; standard
   * output and error go to {@code log}.
   */
  static StreamsProcess start(
      String classPath, List<String> connection, List<String> streamsArgs, String heap, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    command.add("-cp");
    command.add(classPath);
    command.add("io.impactsim.cli.Impactsim");
    command.addAll(connection);
    command.add("streams");
    command.addAll(streamsArgs);
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new StreamsProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the streams command", e);
    }
  }

  /**
   * The test's class path with its class directories copied under {@code dir}: a rebuild of the
   * modules while the test runs cannot then take classes away from the JVMs it starts.
   */
  static String snapshotClassPath(Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path source = Path.of(entry);
      if (Files.isDirectory(source)) {
        Path copy = dir.resolve(Integer.toString(n++));
        copyTree(source, copy);
        entries.add(copy.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
  }

  /** Waits until the application reports RUNNING; fails early if the process ends first. */
  void awaitRunning(Duration timeout) {
    Awaitility.await("streams command RUNNING, log " + log)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              checkAlive();
              return output().contains(RUNNING_LINE);
            });
  }

  /** Fails with the process's output if it has ended on its own. */
  void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the streams command exited with " + process.exitValue() + ":\n" + output());
    }
  }

  /** Sends SIGKILL and returns the exit status once the process is gone. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** Sends SIGTERM, which runs the command's shutdown hook, and returns the exit status. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    return awaitExit(timeout);
  }

  private int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the streams command did not exit within " + timeout);
    }
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  /** Everything the process printed so far. */
  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException exiting) {
      // Closed while the JVM exits: the hook kills the process anyway.
    }
  }
}
