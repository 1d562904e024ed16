package io.impactsim.producer.publish;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Makes the Kafka producer the publisher sends with; tests hand in a failing one. */
@FunctionalInterface
public interface ProducerFactory {
  Producer<String, byte[]> create(Properties config);

  /** A real producer with String keys and pre-serialized values. */
  ProducerFactory KAFKA =
      config -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
}
