package io.impactsim.sandbox.registry;

import static org.awaitility.Awaitility.await;

import io.impactsim.sandbox.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apicurio Registry 3 (unpacked by Maven into target/apicurio) run as a child process on
 * 127.0.0.1 with in-memory storage, so registry clients can be tested against a
 * Confluent-compatible registry that is not ours.
 */
final class ApicurioRegistry implements AutoCloseable {
  static final int MINIMUM_JAVA = 21;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final String HOME_PROPERTY = "impactsim.apicurio.home";

  private final Process process;
  private final int port;
  private final Path log;
  private final Thread killOnExit;

  private ApicurioRegistry(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    // A test JVM stopped before close() (interrupted build, fork timeout) must not leave it behind.
    this.killOnExit = new Thread(process::destroyForcibly, "apicurio-kill-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Where Maven unpacked the application. */
  static Path home() {
    return Path.of(System.getProperty(HOME_PROPERTY, "target/apicurio")).toAbsolutePath();
  }

  /**
   * Starts the registry with the Java runtime at {@code javaHome} and waits until its
   * Confluent-compatible API answers. The global compatibility is BACKWARD, Confluent's default.
   */
  static ApicurioRegistry start(Path javaHome) throws IOException {
    Path home = home();
    Path jar = home.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: Maven unpacks Apicurio in the process-test-resources phase");
    }
    List<Integer> ports = FreePorts.pick(2);
    Path log = home.resolveSibling("apicurio.log");
    List<String> command =
        List.of(
            JavaRuntimes.javaExecutable(javaHome).toString(),
            "-Xmx512m",
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.http.port=" + ports.get(0),
            // The management interface would otherwise take 0.0.0.0:9000.
            "-Dquarkus.management.host=127.0.0.1",
            "-Dquarkus.management.port=" + ports.get(1),
            "-Dapicurio.rules.global.compatibility=BACKWARD",
            "-jar",
            jar.toString());
    Process process =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ApicurioRegistry registry = new ApicurioRegistry(process, ports.get(0), log);
    try {
      registry.awaitReady();
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** Base URL of the Confluent-compatible API. */
  String ccompatUrl() {
    return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(ccompatUrl() + "/subjects"))
            .timeout(Duration.ofSeconds(5))
            .build();
    await("Apicurio Registry answering on " + ccompatUrl() + " (log: " + log + ")")
        .atMost(READY_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> answers(http, probe));
  }

  private boolean answers(HttpClient http, HttpRequest probe) throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Apicurio Registry exited with " + process.exitValue() + "; see " + log);
    }
    try {
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  @Override
  public void close() {
    Runtime.getRuntime().removeShutdownHook(killOnExit);
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      // Stop waiting but still make sure the process goes, and let the caller see the interrupt.
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
