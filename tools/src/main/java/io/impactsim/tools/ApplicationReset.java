package io.impactsim.tools;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.input.ProfileGate;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Resets the streams application so that its next start reprocesses the whole log: input offsets,
 * internal topics and local state, like Kafka's reset tool, and also the view and dead-letter
 * topics, so that the views hold only what the reprocessing writes. Refuses while an instance runs.
 */
public final class ApplicationReset {
  private final KafkaSettings settings;
  private final StreamsOptions options;
  private final TopicCatalog topics;

  public ApplicationReset(KafkaSettings settings, StreamsOptions options) {
    this.settings = settings;
    this.options = options;
    this.topics = TopicCatalog.names(settings.topicPrefix());
  }

  /** What a reset would do now. */
  public ResetPlan plan(Duration timeout) throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      return plan(new Cleanup(admin, timeout));
    }
  }

  /**
   * Resets the application.
   *
   * @return what was done
   * @throws ApplicationRunningException if an instance is running; nothing is changed then
   */
  public ResetPlan reset(Duration timeout) throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      Cleanup cleanup = new Cleanup(admin, timeout);
      ResetPlan plan = plan(cleanup);
      if (plan.running()) {
        throw new ApplicationRunningException(plan);
      }
      cleanup.deleteGroup(plan.applicationId());
      // The dead-letter topic is emptied: the profile gate writes its letters again.
      String gate = plan.applicationId() + ProfileGate.APPLICATION_ID_SUFFIX;
      cleanup.deleteGroup(gate);
      cleanup.deleteTopics(plan.internalTopics());
      List<NewTopic> recreate = recreated(admin, plan.outputTopics(), timeout);
      cleanup.deleteTopics(plan.outputTopics());
      TopicAdmin.ensureTopics(admin, recreate, timeout);
      Cleanup.deleteLocalState(options.stateDirOrDefault(), plan.applicationId());
      Cleanup.deleteLocalState(options.stateDirOrDefault(), gate);
      return plan;
    }
  }

  private ResetPlan plan(Cleanup cleanup) throws InterruptedException, TimeoutException {
    String id = options.applicationIdFor(topics.prefix());
    Set<String> existing = cleanup.topics();
    List<String> outputs = new ArrayList<>();
    for (Topic<?, ?> t : outputTopics()) {
      if (existing.contains(t.name())) {
        outputs.add(t.name());
      }
    }
    var state = Cleanup.stateOf(options.stateDirOrDefault(), id);
    return new ResetPlan(
        id,
        cleanup.members(id),
        cleanup.committed(id),
        InternalTopics.among(existing, id),
        outputs,
        state,
        Files.exists(state)
            || Files.exists(options.stateDirOrDefault().resolve(id + ".cluster-id")));
  }

  private List<Topic<?, ?>> outputTopics() {
    List<Topic<?, ?>> out = new ArrayList<>(topics.views());
    out.add(topics.deadLetters());
    return out;
  }

  /** The output topics as they are to be recreated: same partitions, the catalogue's configs. */
  private List<NewTopic> recreated(Admin admin, List<String> names, Duration timeout)
      throws InterruptedException, TimeoutException {
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> described;
    try {
      described =
          admin
              .describeTopics(names)
              .allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe " + names + ": " + e.getMessage(), e);
    }
    List<NewTopic> out = new ArrayList<>();
    for (Topic<?, ?> t : outputTopics()) {
      TopicDescription d = described.get(t.name());
      if (d != null) {
        short rf = (short) d.partitions().get(0).replicas().size();
        out.add(t.newTopic(d.partitions().size(), java.util.Optional.of(rf)));
      }
    }
    return out;
  }

  /** The application has active members: resetting it now would corrupt its state. */
  public static final class ApplicationRunningException extends IllegalStateException {
    private final transient ResetPlan plan;

    ApplicationRunningException(ResetPlan plan) {
      super(
          "the streams application '"
              + plan.applicationId()
              + "' is running ("
              + plan.members().size()
              + " active member(s): "
              + String.join(", ", plan.members())
              + "); stop every instance, then reset (an instance that stopped cleanly leaves at"
              + " once; one that crashed stays a member until its session times out, 45 s by"
              + " default)");
      this.plan = plan;
    }

    public ResetPlan plan() {
      return plan;
    }
  }
}
