package io.impactsim.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final Instant T0 = Instant.parse("2025-11-03T00:00:00Z");

  private final FakeClock clock = new FakeClock();

  @Test
  void oneDayPerSecondSleepsOneSecondPerSimulatedDay() throws InterruptedException {
    Pacer pacer = new Pacer(Speed.parse("1d/s"), clock);

    pacer.awaitTurn(T0);
    pacer.awaitTurn(T0.plus(Duration.ofDays(1)));
    pacer.awaitTurn(T0.plus(Duration.ofDays(3)));

    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void timeSpentSendingIsDeductedFromTheNextSleep() throws InterruptedException {
    Pacer pacer = new Pacer(Speed.parse("3600x"), clock);

    pacer.awaitTurn(T0);
    clock.advance(Duration.ofMillis(300));
    pacer.awaitTurn(T0.plus(Duration.ofHours(1)));

    assertThat(clock.sleeps).containsExactly(Duration.ofMillis(700));
  }

  @Test
  void anEventAlreadyDueOrEarlierGoesAtOnce() throws InterruptedException {
    Pacer pacer = new Pacer(Speed.parse("1h/s"), clock);

    pacer.awaitTurn(T0);
    clock.advance(Duration.ofSeconds(5));
    pacer.awaitTurn(T0.plus(Duration.ofHours(2)));
    pacer.awaitTurn(T0.minus(Duration.ofHours(1)));
    pacer.awaitTurn(T0.plus(Duration.ofHours(2)));

    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void maxSpeedNeverSleepsNorReadsTheClock() throws InterruptedException {
    Pacer pacer = new Pacer(Speed.MAX, clock);

    pacer.awaitTurn(T0);
    pacer.awaitTurn(T0.plus(Duration.ofDays(365)));

    assertThat(clock.sleeps).isEmpty();
    assertThat(clock.reads).isZero();
  }

  @Test
  void sleepsFollowTheTimelineSoErrorsDoNotAddUp() throws InterruptedException {
    Pacer pacer = new Pacer(Speed.parse("1w/s"), clock);

    pacer.awaitTurn(T0);
    for (int day = 1; day <= 14; day++) {
      pacer.awaitTurn(T0.plus(Duration.ofDays(day)));
    }

    assertThat(clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofSeconds(2));
  }

  /** A clock that moves only when told to or when slept on, and records each sleep. */
  private static final class FakeClock implements PacingClock {
    final List<Duration> sleeps = new ArrayList<>();
    long now = 1_000_000;
    int reads;

    void advance(Duration d) {
      now += d.toNanos();
    }

    @Override
    public long nanoTime() {
      reads++;
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      sleeps.add(Duration.ofNanos(nanos));
      now += nanos;
    }
  }
}
