package io.impactsim.streams.replay;

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
 */
final class TopicRecords {
  private TopicRecords() {}

  static <V extends SpecificRecord> Map<Integer, List<String>> read(
      KafkaSettings settings, Topic<String, V> topic, Duration timeout) throws TimeoutException {
    Map<Integer, List<String>> out = new TreeMap<>();
    ViewReader.scan(
        settings,
        topic,
        timeout,
        (partition, key, value) ->
            out.computeIfAbsent(partition, p -> new ArrayList<>())
                .add(key + "=" + (value == null ? null : AvroJson.toJson(value))));
    return out;
  }
}
