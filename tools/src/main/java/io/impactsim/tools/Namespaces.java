package io.impactsim.tools;

import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.input.ProfileGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** Lists and deletes namespaces: a namespace is its topics, its application id and its state. */
public final class Namespaces {
  private Namespaces() {}

  /** The names of the namespaces of a kind that have topics on the cluster, sorted. */
  public static List<String> list(KafkaSettings live, String kind, Duration timeout)
      throws InterruptedException, TimeoutException {
    String start = Namespace.kindPrefix(live, kind);
    try (Admin admin = Admin.create(live.kafkaProperties())) {
      Set<String> names = new TreeSet<>();
      for (String topic : new Cleanup(admin, timeout).topics()) {
        int dot = topic.indexOf('.', start.length());
        if (topic.startsWith(start) && dot > start.length()) {
          names.add(topic.substring(start.length(), dot));
        }
      }
      return List.copyOf(names);
    }
  }

  /**
   * Deletes the namespace's topics, consumer group and local state.
   *
   * @return what was deleted, one line each; empty if there was nothing
   */
  public static List<String> delete(Namespace namespace, Duration timeout)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(namespace.live().kafkaProperties())) {
      Cleanup cleanup = new Cleanup(admin, timeout);
      String id = namespace.applicationId();
      if (!cleanup.members(id).isEmpty()) {
        throw new IllegalStateException(
            "namespace " + namespace.prefix() + " is being replayed right now; try again later");
      }
      Set<String> existing = cleanup.topics();
      List<String> topics = new ArrayList<>(InternalTopics.among(existing, id));
      existing.stream().filter(t -> t.startsWith(namespace.prefix() + ".")).forEach(topics::add);
      List<String> done = new ArrayList<>();
      if (!cleanup.committed(id).isEmpty()) {
        done.add("consumer group " + id);
      }
      cleanup.deleteGroup(id);
      cleanup.deleteGroup(id + ProfileGate.APPLICATION_ID_SUFFIX);
      cleanup.deleteTopics(topics);
      topics.forEach(t -> done.add("topic " + t));
      Cleanup.deleteLocalState(
          namespace.options().stateDirOrDefault(), id + ProfileGate.APPLICATION_ID_SUFFIX);
      if (Cleanup.deleteLocalState(namespace.options().stateDirOrDefault(), id)) {
        done.add("local state " + Cleanup.stateOf(namespace.options().stateDirOrDefault(), id));
      }
      return done;
    }
  }
}
