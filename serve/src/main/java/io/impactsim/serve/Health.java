package io.impactsim.serve;

import io.impactsim.views.StallWatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What {@code /health} says, from three observations: the state of the streams application (UP
 * while RUNNING or REBALANCING; any other state, e.g. ERROR, PENDING_SHUTDOWN, NOT_RUNNING, or
 * CREATED before it was started, is DOWN), whether a stream thread has stalled ({@link
 * StallWatch}), and whether the live feed still follows the views. The profile gate that runs
 * beside the application ({@code ProfileGate}) is judged by its state like the application.
 *
 * @param up whether the instance is healthy
 * @param reasons why not, in words; empty when up
 */
record Health(boolean up, List<String> reasons) {
  /**
   * @param profileGate the state of the profile gate beside the application, or null without one
   */
  static Health of(
      KafkaStreams.State state,
      KafkaStreams.State profileGate,
      StallWatch.Verdict stall,
      String feedFailure) {
    List<String> reasons = new ArrayList<>();
    if (!working(state)) {
      reasons.add("the streams application is " + state);
    }
    if (profileGate != null && !working(profileGate)) {
      reasons.add("the profile gate is " + profileGate);
    }
    if (stall.stalled()) {
      reasons.add(stall.reason());
    }
    if (feedFailure != null) {
      reasons.add(feedFailure);
    }
    return new Health(reasons.isEmpty(), List.copyOf(reasons));
  }

  private static boolean working(KafkaStreams.State state) {
    return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
  }

  /** The reasons in one line. */
  String reason() {
    return String.join("; ", reasons);
  }
}
