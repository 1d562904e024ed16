package io.impactsim.tools;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions up to given end offsets and hands their records over in one total order: by
 * timestamp, then by the order the partitions were given in, then by offset. The order depends on
 * the log alone, never on how fetches happen to arrive, which is what makes a replay repeatable.
 * Partitions that are far ahead of the others are paused, so memory stays bounded.
 */
final class EventTimeMerge {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int BUFFERED_PER_PARTITION = 2_000;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<TopicPartition, Long> ends;
  private final Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> buffers =
      new LinkedHashMap<>();
  private final Comparator<TopicPartition> heads;

  /**
   * @param consumer assigned to the partitions and positioned at their beginnings
   * @param ends the end offset of each partition, in tie-breaking order
   */
  EventTimeMerge(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    this.consumer = consumer;
    this.ends = ends;
    List<TopicPartition> order = List.copyOf(ends.keySet());
    ends.keySet().forEach(tp -> buffers.put(tp, new ArrayDeque<>()));
    this.heads =
        Comparator.<TopicPartition>comparingLong(tp -> buffers.get(tp).peek().timestamp())
            .thenComparingInt(order::indexOf);
  }

  /**
   * Hands every record over in order.
   *
   * @param deadline {@link System#nanoTime()} by which the ends must be reached
   * @return false if the deadline passed first
   */
  boolean forEach(Consumer<ConsumerRecord<byte[], byte[]>> action, long deadline) {
    while (true) {
      TopicPartition next = null;
      boolean starved = false;
      for (TopicPartition tp : buffers.keySet()) {
        if (buffers.get(tp).isEmpty()) {
          starved |= consumer.position(tp) < ends.get(tp);
        } else if (next == null || heads.compare(tp, next) < 0) {
          next = tp;
        }
      }
      if (starved) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        fill();
      } else if (next == null) {
        return true;
      } else {
        action.accept(buffers.get(next).poll());
      }
    }
  }

  private void fill() {
    buffers.forEach(
        (tp, buffer) -> {
          if (buffer.size() >= BUFFERED_PER_PARTITION) {
            consumer.pause(List.of(tp));
          } else {
            consumer.resume(List.of(tp));
          }
        });
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      // Records past the end seen at the start belong to a later snapshot of the log.
      if (r.offset() < ends.get(tp)) {
        buffers.get(tp).add(r);
      }
    }
  }
}
