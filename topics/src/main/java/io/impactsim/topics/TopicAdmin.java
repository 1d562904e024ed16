package io.impactsim.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates topics that are missing and waits until every partition has a leader, so that a producer
 * started right afterwards does not race the controller (see KAFKA-15591).
 */
public final class TopicAdmin {
  private static final Duration POLL = Duration.ofMillis(50);

  private TopicAdmin() {}

  /**
   * Creates the topics that do not exist yet (existing ones are left as they are) and waits until
   * every partition of every named topic has a leader.
   *
   * @return the names of the topics this call created
   */
  public static Set<String> ensureTopics(Admin admin, Collection<NewTopic> topics, Duration timeout)
      throws InterruptedException, TimeoutException {
    Instant deadline = Instant.now().plus(timeout);
    Set<String> existing = get(admin.listTopics().names(), timeout);
    List<NewTopic> missing = new ArrayList<>();
    for (NewTopic t : topics) {
      if (!existing.contains(t.name())) {
        missing.add(t);
      }
    }
    Set<String> created = new java.util.TreeSet<>();
    if (!missing.isEmpty()) {
      var result = admin.createTopics(missing);
      for (var e : result.values().entrySet()) {
        try {
          get(e.getValue(), remaining(deadline));
          created.add(e.getKey());
        } catch (TopicCreationException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw ex;
          }
        }
      }
    }
    awaitLeaders(admin, topics.stream().map(NewTopic::name).collect(Collectors.toSet()), deadline);
    return created;
  }

  /** Waits until every partition of the named topics has a leader. */
  public static void awaitLeaders(Admin admin, Set<String> names, Instant deadline)
      throws InterruptedException, TimeoutException {
    while (true) {
      Set<String> notReady = notReady(admin, names, deadline);
      if (notReady.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("partitions without a leader in topics " + notReady);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static Set<String> notReady(Admin admin, Set<String> names, Instant deadline)
      throws InterruptedException, TimeoutException {
    Map<String, TopicDescription> described;
    try {
      described = get(admin.describeTopics(names).allTopicNames(), remaining(deadline));
    } catch (TopicCreationException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return names;
      }
      throw e;
    }
    Set<String> notReady = new java.util.TreeSet<>();
    for (TopicDescription d : described.values()) {
      for (TopicPartitionInfo p : d.partitions()) {
        if (p.leader() == null || p.leader().isEmpty()) {
          notReady.add(d.name());
        }
      }
    }
    return notReady;
  }

  private static Duration remaining(Instant deadline) {
    Duration d = Duration.between(Instant.now(), deadline);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, Duration timeout)
      throws InterruptedException, TimeoutException {
    try {
      return future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new TopicCreationException(e.getCause());
    }
  }

  /** A topic could not be created or described; the cause is the broker's error. */
  public static final class TopicCreationException extends RuntimeException {
    TopicCreationException(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
