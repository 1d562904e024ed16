package io.impactsim.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces and reads string records in tests, checking every send. */
public final class Records {
  private Records() {}

  /** Sends {@code key=value} pairs to a topic and waits until the broker acknowledged each one. */
  public static void produce(Map<String, Object> client, String topic, Map<String, String> records)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> props = new HashMap<>(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
      records.forEach((k, v) -> sends.add(producer.send(new ProducerRecord<>(topic, k, v))));
      for (var send : sends) {
        send.get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Reads a topic from the beginning until {@code expected} records arrived. */
  public static List<ConsumerRecord<String, String>> consume(
      Map<String, Object> client, String topic, int expected) {
    Map<String, Object> props = new HashMap<>(client);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollDelay(Duration.ZERO)
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).hasSizeGreaterThanOrEqualTo(expected);
              });
    }
    return received;
  }
}
