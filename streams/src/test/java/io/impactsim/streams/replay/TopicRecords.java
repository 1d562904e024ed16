package io.impactsim.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.config.KafkaSettings;
import io.impactsim.schemas.topics.Topic;
import io.impactsim.streams.ViewReader;
import io.impactsim.streams.serve.AvroJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every committed record of a topic, partition by partition in offset order, decoded to {@code
 * key=json} text so that two namespaces' topics (whose schema ids may differ) compare by content.
 *
 * <p>View topics are compacted, and their segments roll whenever event time jumps by more than
 * {@code segment.ms}, so the log cleaner may already have removed superseded records of one topic
 * and not yet of the other. Offsets cannot align them either: transaction markers take offsets, and
 * two runs commit at different moments. So two topics are taken to hold the same log when the
 * records both hold appear in the same order, and every record only one of them holds is superseded
 * there by a later record of its key (which is what compaction may remove).
 */
record TopicRecords(Map<Integer, List<Entry>> partitions) {

  record Entry(String key, String value) {
    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  static <V extends SpecificRecord> TopicRecords read(
      KafkaSettings settings, Topic<String, V> topic, Duration timeout) throws TimeoutException {
    Map<Integer, List<Entry>> out = new TreeMap<>();
    ViewReader.scan(
        settings,
        topic,
        timeout,
        (partition, key, value) ->
            out.computeIfAbsent(partition, p -> new ArrayList<>())
                .add(new Entry(key, value == null ? null : AvroJson.toJson(value).toString())));
    return new TopicRecords(out);
  }

  boolean isEmpty() {
    return partitions.values().stream().allMatch(List::isEmpty);
  }

  /** Asserts that both topics hold the same log, up to what compaction may have removed. */
  void assertSameLogAs(TopicRecords other, String name) {
    assertThat(other.partitions.keySet()).as(name + " partitions").isEqualTo(partitions.keySet());
    for (int p : partitions.keySet()) {
      assertSameLog(partitions.get(p), other.partitions.get(p), name + "-" + p);
    }
  }

  private static void assertSameLog(List<Entry> left, List<Entry> right, String where) {
    int i = 0;
    int j = 0;
    while (i < left.size() || j < right.size()) {
      Entry l = i < left.size() ? left.get(i) : null;
      Entry r = j < right.size() ? right.get(j) : null;
      if (l != null && l.equals(r)) {
        i++;
        j++;
      } else if (l != null && !right.subList(j, right.size()).contains(l)) {
        assertSuperseded(left, i, where + " record " + i + " held only by the first topic");
        i++;
      } else {
        assertSuperseded(right, j, where + " record " + j + " held only by the second topic");
        j++;
      }
    }
  }

  private static void assertSuperseded(List<Entry> records, int index, String what) {
    String key = records.get(index).key();
    assertThat(records.subList(index + 1, records.size()))
        .as(what + ", " + records.get(index) + ", is the latest of its key")
        .anyMatch(later -> later.key().equals(key));
  }
}
