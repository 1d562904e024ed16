package io.impactsim.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.Progress;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The {@code streams} command of one namespace run as a series of separate JVMs on one application
 * id and one state directory: each life but the last ends in SIGKILL, the last catches up and stops
 * on SIGTERM.
 */
final class CrashingApplication implements AutoCloseable {
  // A killed member holds its partitions until its session expires; the broker's minimum keeps
  // each restart from waiting out the 45 s default.
  private static final String SESSION_TIMEOUT_MS = "6000";
  // Small polls make a small run span many transactions, so that a kill finds work under way.
  private static final String MAX_POLL_RECORDS = "100";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaSettings settings;
  private final String applicationId;
  private final List<String> connection;
  private final List<String> streamsArgs;
  private final String classPath;
  private final Path logs;
  private final String heap;
  private final Duration startTimeout;
  private final Duration runTimeout;
  private final GroupProgress progress;

  /**
   * @param work directory for the state, the client settings and the class path copy
   */
  CrashingApplication(
      KafkaEnvironment env,
      KafkaSettings settings,
      Path work,
      String heap,
      Duration startTimeout,
      Duration runTimeout)
      throws IOException {
    this.settings = settings;
    this.applicationId = settings.topicPrefix() + "-views";
    this.connection = connection(env, settings, work.resolve("client.properties"));
    this.streamsArgs =
        List.of(
            "--no-http",
            "--application-id",
            applicationId,
            "--state-dir",
            work.resolve("state").toString(),
            "--start-timeout",
            startTimeout.toString());
    this.classPath = StreamsProcess.snapshotClassPath(work.resolve("classpath"));
    this.logs = Path.of("target", "crash-logs", settings.topicPrefix());
    this.heap = heap;
    this.startTimeout = startTimeout;
    this.runTimeout = runTimeout;
    this.progress = new GroupProgress(settings, applicationId);
  }

  /** What a life had done when it was killed. */
  record Kill(long committed, boolean caughtUp) {}

  /**
   * Starts a life and kills it with SIGKILL once the group's committed progress has passed {@code
   * point} and this life has committed something of its own, so that the kill lands while it
   * processes rather than while it restores. The number of repartition records depends on how
   * changes coalesce between commits, so a restarted run may finish below a late kill point: a life
   * that has caught up is killed too.
   *
   * @param point the offsets the group must have committed, over every topic it reads
   * @param total the offsets committed at the end of an uninterrupted run, or an estimate
   * @return offsets committed when the process was gone, and whether it had caught up
   */
  Kill runAndKill(int life, long point, long total) throws InterruptedException {
    try (StreamsProcess process = start("life-" + life + ".log")) {
      long born = System.nanoTime();
      process.awaitRunning(startTimeout);
      double running = (System.nanoTime() - born) / 1e9;
      long before = progress.committed();
      Stall stall = new Stall(progress.committed());
      await("committed progress past " + point + " of " + total)
          .atMost(runTimeout)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                process.checkAlive();
                long committed = progress.committed();
                if (committed >= point && (committed > before || committed >= total)) {
                  return true;
                }
                return stall.still(committed) && caughtUp();
              });
      boolean caughtUp = caughtUp();
      int exit = process.kill();
      long committed = progress.committed();
      System.out.printf(
          "SIGKILL %d of pid %d after %.1f s (RUNNING after %.1f s): exit %d, %,d of about %,d"
              + " offsets committed%s%n",
          life + 1,
          process.pid(),
          (System.nanoTime() - born) / 1e9,
          running,
          exit,
          committed,
          total,
          caughtUp ? ", caught up" : "");
      assertThat(exit).as("exit status after SIGKILL").isEqualTo(StreamsProcess.SIGKILL_EXIT);
      return new Kill(committed, caughtUp);
    }
  }

  /** Whether the application has nothing left to do, checked once. */
  private boolean caughtUp() throws InterruptedException {
    try {
      Progress.awaitCaughtUp(settings, applicationId, Duration.ZERO);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  /** Whether the committed progress has stood still for {@link #STALL}. */
  private static final class Stall {
    private long committed;
    private long since = System.nanoTime();

    Stall(long committed) {
      this.committed = committed;
    }

    boolean still(long now) {
      if (now != committed) {
        committed = now;
        since = System.nanoTime();
        return false;
      }
      return System.nanoTime() - since >= STALL.toNanos();
    }
  }

  /** How long progress must stand still before a life is checked for having caught up. */
  private static final Duration STALL = Duration.ofSeconds(5);

  /** Starts the last life, waits until it has caught up, and stops it with SIGTERM. */
  void runToEndAndStop() throws Exception {
    try (StreamsProcess last = start("last.log")) {
      last.awaitRunning(startTimeout);
      Progress.awaitCaughtUp(settings, applicationId, runTimeout);
      assertThat(last.stop(STOP_TIMEOUT))
          .as("exit status after SIGTERM; output:%n%s", last.output())
          .isEqualTo(StreamsProcess.SIGTERM_EXIT);
    }
  }

  private StreamsProcess start(String logName) {
    return StreamsProcess.start(classPath, connection, streamsArgs, heap, logs.resolve(logName));
  }

  /** Connection options for the command, with the environment's client settings in a file. */
  private static List<String> connection(KafkaEnvironment env, KafkaSettings settings, Path file)
      throws IOException {
    Properties props = new Properties();
    env.clientProperties()
        .forEach(
            (k, v) -> {
              if (!k.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                props.setProperty(k, String.valueOf(v));
              }
            });
    props.setProperty("consumer.session.timeout.ms", SESSION_TIMEOUT_MS);
    props.setProperty("consumer.max.poll.records", MAX_POLL_RECORDS);
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file)) {
      props.store(out, null);
    }
    return List.of(
        "--bootstrap-servers",
        env.bootstrapServers(),
        "--schema-registry-url",
        env.schemaRegistryUrl(),
        "--config",
        file.toString(),
        "--topic-prefix",
        settings.topicPrefix());
  }

  @Override
  public void close() {
    progress.close();
  }
}
