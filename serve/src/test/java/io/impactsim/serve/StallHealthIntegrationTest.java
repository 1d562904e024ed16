package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream thread stuck in one record on the sandbox broker: Kafka Streams still says RUNNING, and
 * {@code /health} turns DOWN with the reason within the stall window, then UP once the thread moves
 * on.
 */
@KafkaSandboxTest
class StallHealthIntegrationTest {
  private static final Duration STALL_WINDOW = Duration.ofSeconds(3);

  @Test
  void aStreamThreadStuckInOneRecordTurnsHealthDownWithTheReason(
      KafkaEnvironment env, @TempDir Path dir) throws Exception {
    String prefix = env.uniqueName("stall");
    KafkaSettings settings = env.settings(prefix);
    String input = prefix + ".input";
    env.createTopics(new NewTopic(input, 1, (short) 1));
    CountDownLatch release = new CountDownLatch(1);
    try (KafkaStreams streams = blockingApplication(settings, prefix, input, release, dir);
        ViewServer server =
            new ViewServer(
                    streams,
                    prefix + "-app",
                    TopicCatalog.create(prefix, new InMemorySchemaRegistry(), false),
                    settings,
                    ServeOptions.of("127.0.0.1", 0).withStallWindow(STALL_WINDOW))
                .start()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> streams.state() == KafkaStreams.State.RUNNING);
      publish(settings, input, "fine");
      assertThat(Http.get(server.url(), "/health").statusCode()).isEqualTo(200);

      publish(settings, input, "block", "waiting-1", "waiting-2");

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                HttpResponse<String> health = Http.get(server.url(), "/health");
                assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                assertThat(Http.json(health).get("status").asText()).isEqualTo("DOWN");
                assertThat(Http.json(health).get("streams").asText()).isEqualTo("RUNNING");
                assertThat(Http.json(health).get("reason").asText())
                    .contains("StreamThread-1", "stall window 3 s");
              });

      release.countDown();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(Http.get(server.url(), "/health").statusCode()).isEqualTo(200));
    } finally {
      release.countDown();
    }
  }

  /** Processes strings and waits in the record {@code block} until released. */
  private static KafkaStreams blockingApplication(
      KafkaSettings settings, String prefix, String input, CountDownLatch release, Path dir) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()).withName("stall-source"))
        .process(
            () ->
                new Processor<String, String, Void, Void>() {
                  @Override
                  public void process(Record<String, String> record) {
                    if ("block".equals(record.value())) {
                      try {
                        release.await(2, TimeUnit.MINUTES);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }
                  }
                },
            Named.as("stall-block"));
    Properties props = settings.kafkaProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "-app");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.start();
    return streams;
  }

  private static void publish(KafkaSettings settings, String topic, String... values)
      throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            settings.kafkaProperties(), new StringSerializer(), new StringSerializer())) {
      for (String v : values) {
        producer.send(new ProducerRecord<>(topic, "k", v)).get(20, TimeUnit.SECONDS);
      }
    }
  }
}
