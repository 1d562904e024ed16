package io.impactsim.views.reliability;

import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.ViewReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads every committed record of a topic, up to its end at the time of the call. */
final class DeadLetterLog {
  private DeadLetterLog() {}

  static List<ConsumerRecord<byte[], byte[]>> readAll(
      KafkaSettings settings, String topic, Duration timeout) throws TimeoutException {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    ViewReader.scanRaw(settings, topic, timeout, out::add);
    return out;
  }
}
