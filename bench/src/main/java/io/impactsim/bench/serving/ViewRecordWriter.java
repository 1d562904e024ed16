package io.impactsim.bench.serving;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes synthetic view records straight into the view topics, encoded by the catalogue's serdes
 * (Confluent wire format, schemas registered) and partitioned by key as the views' own writes are.
 * Idempotent, every send checked: a failed send fails the run.
 */
final class ViewRecordWriter {
  private ViewRecordWriter() {}

  /**
   * @return the bytes written (keys and values)
   */
  static long write(KafkaSettings settings, TopicCatalog topics, ViewRecords records) {
    Properties props = settings.kafkaProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    AtomicReference<Exception> failed = new AtomicReference<>();
    AtomicLong bytes = new AtomicLong();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      while (records.hasNext() && failed.get() == null) {
        ViewRecords.Entry e = records.next();
        Topic<String, SpecificRecord> topic = e.view().topic(topics);
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), e.key());
        byte[] value =
            topic.valueSerde().serializer().serialize(topic.name(), (SpecificRecord) e.value());
        bytes.addAndGet(key.length + value.length);
        producer.send(
            new ProducerRecord<>(topic.name(), null, e.time().toEpochMilli(), key, value),
            (meta, ex) -> {
              if (ex != null) {
                failed.compareAndSet(null, ex);
              }
            });
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException(
          "a view record could not be written: " + failed.get(), failed.get());
    }
    return bytes.get();
  }
}
