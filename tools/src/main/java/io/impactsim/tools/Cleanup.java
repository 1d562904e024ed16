package io.impactsim.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** What resetting an application or deleting a namespace takes on the cluster and on disk. */
final class Cleanup {
  private static final long POLL_MS = 100;

  private final Admin admin;
  private final Duration timeout;

  Cleanup(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  Set<String> topics() throws InterruptedException, TimeoutException {
    return new TreeSet<>(get(admin.listTopics().names()));
  }

  /** The members of the application's consumer group; none if the group does not exist. */
  List<String> members(String group) throws InterruptedException, TimeoutException {
    try {
      Map<String, ConsumerGroupDescription> d =
          admin.describeConsumerGroups(List.of(group)).all().get(millis(), TimeUnit.MILLISECONDS);
      return d.get(group).members().stream()
          .map(m -> m.consumerId() + " (" + m.clientId() + " on " + m.host() + ")")
          .sorted()
          .toList();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw new IllegalStateException("cannot describe group " + group + ": " + e.getMessage(), e);
    }
  }

  /** The group's committed offsets, as {@code topic-partition@offset}. */
  List<String> committed(String group) throws InterruptedException, TimeoutException {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(millis(), TimeUnit.MILLISECONDS);
      return offsets.entrySet().stream()
          .filter(e -> e.getValue() != null)
          .map(e -> e.getKey() + "@" + e.getValue().offset())
          .sorted()
          .toList();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw new IllegalStateException("cannot read offsets of " + group + ": " + e.getMessage(), e);
    }
  }

  void deleteGroup(String group) throws InterruptedException, TimeoutException {
    try {
      admin.deleteConsumerGroups(List.of(group)).all().get(millis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        throw new IllegalStateException("cannot delete group " + group + ": " + e.getMessage(), e);
      }
    }
  }

  /** Deletes the topics and waits until the cluster no longer lists them. */
  void deleteTopics(Collection<String> names) throws InterruptedException, TimeoutException {
    if (names.isEmpty()) {
      return;
    }
    try {
      admin.deleteTopics(names).all().get(millis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw new IllegalStateException("cannot delete " + names + ": " + e.getMessage(), e);
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (names.stream().anyMatch(topics()::contains)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("topics " + names + " still exist after " + timeout);
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Kafka Streams keeps an application's state in {@code <state dir>/<application id>}. */
  static Path stateOf(Path stateDir, String applicationId) {
    return stateDir.resolve(applicationId);
  }

  /** Deletes the application's local state and its cluster marker; true if there was any. */
  static boolean deleteLocalState(Path stateDir, String applicationId) {
    Path dir = stateOf(stateDir, applicationId);
    Path marker = stateDir.resolve(applicationId + ".cluster-id");
    boolean existed = Files.exists(dir) || Files.exists(marker);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the local state in " + dir, e);
    }
    return existed;
  }

  private <T> T get(KafkaFuture<T> future) throws InterruptedException, TimeoutException {
    try {
      return future.get(millis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the cluster refused: " + e.getCause().getMessage(), e);
    }
  }

  private long millis() {
    return Math.max(1, timeout.toMillis());
  }
}
