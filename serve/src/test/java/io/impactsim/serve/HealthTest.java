package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.views.StallWatch;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class HealthTest {
  @Test
  void upOnlyWhileRunningOrRebalancing() {
    for (KafkaStreams.State state : KafkaStreams.State.values()) {
      Health health = Health.of(state, null, StallWatch.Verdict.OK, null);
      boolean expected =
          state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
      assertThat(health.up()).as(state.toString()).isEqualTo(expected);
      if (!expected) {
        assertThat(health.reason()).isEqualTo("the streams application is " + state);
      }
    }
  }

  @Test
  void aFailedGateAStallAndADeadFeedAreDownWithEveryReason() {
    Health health =
        Health.of(
            KafkaStreams.State.RUNNING,
            KafkaStreams.State.ERROR,
            new StallWatch.Verdict(true, "stream thread t1 has not polled for 70 s"),
            "the view feed stopped: boom");

    assertThat(health.up()).isFalse();
    assertThat(health.reason())
        .isEqualTo(
            "the profile gate is ERROR; stream thread t1 has not polled for 70 s; the view feed"
                + " stopped: boom");
  }
}
