package io.impactsim.tools;

import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.serde.RegistryAvroSerde;
import io.impactsim.views.input.EventTimeExtractor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state of one copy: where each live topic goes, the added events still to write per topic, the
 * counters of the report and the first failed send. Every record goes to partition 0 of its target
 * topic, in the order it is handed over.
 */
final class CopyRun {
  private final Map<String, Deserializer<SpecificRecord>> decoders = new HashMap<>();
  private final Map<String, Serializer<SpecificRecord>> encoders = new HashMap<>();
  private final Map<String, Topic<String, SpecificRecord>> targets = new HashMap<>();
  private final Map<String, Deque<AddedEvent>> pending = new HashMap<>();
  private final EventEdits edits;
  private final Set<String> seen = new HashSet<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback callback =
      (metadata, e) -> {
        if (e != null) {
          failure.compareAndSet(null, e);
        }
      };
  private long read;
  private long written;
  private long left;
  private long amended;

  CopyRun(TopicCatalog from, TopicCatalog to, EventEdits edits) {
    this.edits = edits;
    for (int i = 0; i < from.inputs().size(); i++) {
      String name = from.inputs().get(i).name();
      Topic<String, SpecificRecord> target = untyped(to.inputs().get(i));
      decoders.put(name, untyped(from.inputs().get(i)).valueSerde().deserializer());
      encoders.put(name, target.valueSerde().serializer());
      targets.put(name, target);
    }
    for (AddedEvent added : sortedByTime(edits.added())) {
      if (edits.inTime(added.value())) {
        pending
            .computeIfAbsent(sourceOf(from, added.value()).name(), t -> new ArrayDeque<>())
            .add(added);
      }
    }
  }

  /** Copies one live record, after the added events that occurred before it. */
  void copy(ConsumerRecord<byte[], byte[]> r, Producer<byte[], byte[]> producer) {
    read++;
    writeAdded(r.topic(), r.timestamp(), producer);
    Topic<String, SpecificRecord> target = targets.get(r.topic());
    if (r.value() == null) {
      send(producer, target, r.timestamp(), r.key(), null);
      return;
    }
    SpecificRecord event;
    try {
      event = decoders.get(r.topic()).deserialize(r.topic(), r.value());
    } catch (RuntimeException undecodable) {
      // Copied as it is, so that the replay sends it to its dead letters as the live views did.
      send(producer, target, r.timestamp(), r.key(), r.value());
      return;
    }
    EventMetadata meta = EventTimeExtractor.metaOf(event);
    if (meta != null) {
      seen.add(meta.getEventId());
    }
    Optional<SpecificRecord> out = edits.apply(event);
    if (out.isEmpty()) {
      left++;
      return;
    }
    long timestamp = r.timestamp();
    if (out.get() != event) {
      amended++;
      // An amended occurredAt moves the event in time; its record timestamp follows.
      timestamp = timeOf(out.get(), timestamp);
    }
    byte[] value = encoders.get(r.topic()).serialize(target.name(), out.get());
    send(producer, target, timestamp, r.key(), value);
  }

  /** Writes the added events that come after every copied one, then waits for every send. */
  void finish(Producer<byte[], byte[]> producer) {
    for (String topic : List.copyOf(pending.keySet())) {
      writeAdded(topic, Long.MAX_VALUE, producer);
    }
    producer.flush();
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("copying the log failed: " + e.getMessage(), e);
    }
  }

  long read() {
    return read;
  }

  Set<String> seenEventIds() {
    return seen;
  }

  CopyReport report(Duration elapsed) {
    return new CopyReport(read, written, left, amended, added(), elapsed);
  }

  private long added() {
    return edits.added().stream().filter(a -> edits.inTime(a.value())).count();
  }

  private void writeAdded(String topic, long before, Producer<byte[], byte[]> producer) {
    Deque<AddedEvent> queue = pending.get(topic);
    while (queue != null && !queue.isEmpty() && timeOf(queue.peek()) < before) {
      AddedEvent added = queue.poll();
      Topic<String, SpecificRecord> target = targets.get(topic);
      Serializer<String> keys = target.keySerde().serializer();
      byte[] value = encoders.get(topic).serialize(target.name(), added.value());
      send(producer, target, timeOf(added), keys.serialize(target.name(), added.key()), value);
    }
  }

  private void send(
      Producer<byte[], byte[]> producer,
      Topic<String, SpecificRecord> target,
      long timestamp,
      byte[] key,
      byte[] value) {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("copying the log failed: " + e.getMessage(), e);
    }
    producer.send(new ProducerRecord<>(target.name(), 0, timestamp, key, value), callback);
    written++;
  }

  private static long timeOf(AddedEvent added) {
    return timeOf(added.value(), 0);
  }

  private static long timeOf(SpecificRecord event, long otherwise) {
    EventMetadata meta = EventTimeExtractor.metaOf(event);
    return meta == null || meta.getOccurredAt() == null
        ? otherwise
        : meta.getOccurredAt().toEpochMilli();
  }

  private static List<AddedEvent> sortedByTime(List<AddedEvent> added) {
    return added.stream().sorted(Comparator.comparingLong(CopyRun::timeOf)).toList();
  }

  private static Topic<String, SpecificRecord> sourceOf(TopicCatalog from, SpecificRecord value) {
    for (Topic<String, ? extends SpecificRecord> t : from.inputs()) {
      if (t.valueSerde() instanceof RegistryAvroSerde<?> serde
          && serde.schema().getFullName().equals(value.getSchema().getFullName())) {
        return untyped(t);
      }
    }
    throw new IllegalArgumentException("not an input event: " + value.getClass().getSimpleName());
  }

  @SuppressWarnings("unchecked")
  private static Topic<String, SpecificRecord> untyped(Topic<String, ? extends SpecificRecord> t) {
    return (Topic<String, SpecificRecord>) t;
  }
}
