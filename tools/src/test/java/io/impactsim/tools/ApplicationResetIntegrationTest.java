package io.impactsim.tools;

import static io.impactsim.tools.LiveHistory.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.tools.ApplicationReset.ApplicationRunningException;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.read.ViewSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resetting the live application on a real broker: dry run, real reset, refusal while running. */
@KafkaSandboxTest
class ApplicationResetIntegrationTest {
  @TempDir Path stateDir;

  @Test
  void dryRunListsOffsetsTopicsAndStateWithoutChangingThem(KafkaEnvironment env) throws Exception {
    LiveHistory live = LiveHistory.publish(env, "reset-dry", stateDir);
    ApplicationReset reset = new ApplicationReset(live.settings(), live.options());

    ResetPlan plan = reset.plan(TIMEOUT);

    assertThat(plan.running()).isFalse();
    assertThat(plan.committedOffsets()).isNotEmpty();
    assertThat(plan.internalTopics())
        .isNotEmpty()
        .allMatch(t -> t.startsWith(plan.applicationId() + "-"))
        .allMatch(t -> t.endsWith("-changelog") || t.endsWith("-repartition"));
    assertThat(plan.outputTopics()).hasSize(5);
    assertThat(plan.localStateExists()).isTrue();
    assertThat(reset.plan(TIMEOUT)).isEqualTo(plan);
    assertThat(ViewSet.read(live.settings(), TIMEOUT)).isEqualTo(live.views());
  }

  @Test
  void resetEmptiesTheViewsAndTheNextStartRebuildsThemFromTheLog(KafkaEnvironment env)
      throws Exception {
    LiveHistory live = LiveHistory.publish(env, "reset-real", stateDir);
    ApplicationReset reset = new ApplicationReset(live.settings(), live.options());

    ResetPlan done = reset.reset(TIMEOUT);

    ResetPlan after = reset.plan(TIMEOUT);
    assertThat(after.committedOffsets()).isEmpty();
    assertThat(after.internalTopics()).isEmpty();
    assertThat(after.outputTopics()).isEqualTo(done.outputTopics());
    assertThat(after.localStateExists()).isFalse();
    assertThat(Files.exists(done.localState())).isFalse();
    ViewSet empty = ViewSet.read(live.settings(), TIMEOUT);
    assertThat(empty.byName().values()).allMatch(java.util.Map::isEmpty);

    try (ImpactsimStreams app = new ImpactsimStreams(live.settings(), live.options())) {
      app.start(TIMEOUT);
      app.awaitCaughtUp(TIMEOUT);
      Replay.stop(app);
    }
    assertThat(ViewSet.read(live.settings(), TIMEOUT)).isEqualTo(live.views());
  }

  @Test
  void resetRefusesWhileAnInstanceRunsAndChangesNothing(KafkaEnvironment env) throws Exception {
    LiveHistory live = LiveHistory.publish(env, "reset-running", stateDir);
    ApplicationReset reset = new ApplicationReset(live.settings(), live.options());
    try (ImpactsimStreams app = new ImpactsimStreams(live.settings(), live.options())) {
      app.start(TIMEOUT);

      assertThatThrownBy(() -> reset.reset(TIMEOUT))
          .isInstanceOf(ApplicationRunningException.class)
          .hasMessageContaining("is running")
          .hasMessageContaining("stop every instance");
      assertThat(reset.plan(TIMEOUT).committedOffsets()).isNotEmpty();
    }
    assertThat(ViewSet.read(live.settings(), TIMEOUT)).isEqualTo(live.views());
  }
}
