package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BoundedShutdownTest {
  @Test
  @Timeout(10)
  void aCloseThatDoesNotEndHaltsTheProcessWith143OnceTheBoundHasPassed() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    CompletableFuture<Integer> halted = new CompletableFuture<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();

    Thread hook =
        new Thread(
            () ->
                BoundedShutdown.run(
                    () -> {
                      try {
                        never.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    },
                    Duration.ofMillis(300),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    halted::complete));
    hook.setDaemon(true);
    hook.start();

    assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(143);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("the application did not close within", "exiting without waiting further");
    never.countDown();
  }

  @Test
  @Timeout(10)
  void aCloseThatEndsInTimeDoesNotHalt() throws Exception {
    CompletableFuture<Integer> halted = new CompletableFuture<>();
    boolean[] closed = {false};

    BoundedShutdown.run(
        () -> closed[0] = true,
        Duration.ofMillis(200),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        halted::complete);
    // Past the bound, the watchdog has still not halted.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !halted.isDone());

    assertThat(closed[0]).isTrue();
    assertThat(halted).isNotDone();
  }

  @Test
  void theBoundLeavesKafkaStreamsItsThirtySecondsAndIsDocumented() {
    assertThat(BoundedShutdown.BOUND).isGreaterThan(Duration.ofSeconds(30));
    assertThat(BoundedShutdown.EXIT_CODE).isEqualTo(128 + 15);
  }
}
