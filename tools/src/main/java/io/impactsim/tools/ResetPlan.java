package io.impactsim.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What resetting the streams application involves, as found on the cluster and on disk.
 *
 * @param applicationId the application reset
 * @param members active members of its consumer group; a reset is refused while there are any
 * @param committedOffsets its committed input offsets, {@code topic-partition@offset}
 * @param internalTopics its changelog and repartition topics
 * @param outputTopics the view and dead-letter topics it writes, emptied by deleting and recreating
 * @param localState its local state directory
 * @param localStateExists whether that directory (or its cluster marker) exists
 */
public record ResetPlan(
    String applicationId,
    List<String> members,
    List<String> committedOffsets,
    List<String> internalTopics,
    List<String> outputTopics,
    Path localState,
    boolean localStateExists) {

  public ResetPlan {
    members = List.copyOf(members);
    committedOffsets = List.copyOf(committedOffsets);
    internalTopics = List.copyOf(internalTopics);
    outputTopics = List.copyOf(outputTopics);
  }

  /** Whether an instance of the application is running. */
  public boolean running() {
    return !members.isEmpty();
  }

  /** The steps, one per line, worded for a plan ({@code done} false) or a report. */
  public List<String> steps(boolean done) {
    List<String> out = new ArrayList<>();
    out.add(
        (done ? "Deleted" : "Delete")
            + " consumer group "
            + applicationId
            + " and its "
            + committedOffsets.size()
            + " committed input offset(s)");
    internalTopics.forEach(t -> out.add((done ? "Deleted" : "Delete") + " internal topic " + t));
    outputTopics.forEach(
        t -> out.add((done ? "Emptied" : "Empty") + " output topic " + t + " (delete, recreate)"));
    out.add(
        localStateExists
            ? (done ? "Deleted" : "Delete") + " local state " + localState
            : "No local state at " + localState);
    return out;
  }
}
