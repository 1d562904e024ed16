package io.impactsim.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.testing.Events;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The publisher with an injected producer and clock: failures, configuration and pacing. The happy
 * path and the counts run against a real broker in {@link EventPublisherClusterTest}.
 */
class EventPublisherTest {
  private static final KafkaSettings SETTINGS = KafkaSettings.of("unused:9092", "mock://unused");
  private static final PublisherOptions OPTIONS =
      PublisherOptions.defaults().withCreateMissingTopics(false);

  private final TopicCatalog topics = TopicCatalog.create("t", new InMemorySchemaRegistry(), true);
  private final List<InputEvent> events = Events.deals(5, Instant.parse("2025-11-03T12:00:00Z"));

  @Test
  void stopsAtTheFirstUnconfirmedEventAndSaysWhereToResume() {
    FailingThirdSend producer = new FailingThirdSend();

    PublishFailedException failure;
    try (EventPublisher publisher =
        new EventPublisher(SETTINGS, topics, OPTIONS, config -> producer, PacingClock.SYSTEM)) {
      failure = catchThrowableOfType(PublishFailedException.class, () -> publisher.publish(events));
    }

    assertThat(failure.resumeFrom()).isEqualTo("deal-2");
    assertThat(failure.confirmedCount()).isEqualTo(4);
    assertThat(failure.getCause()).isInstanceOf(TimeoutException.class);
    assertThat(failure.getMessage()).contains("4 confirmed").contains("--resume-from deal-2");
  }

  @Test
  void resumingFromTheReportedEventPublishesEveryEventAtLeastOnce() {
    List<String> published = new ArrayList<>();
    FailingThirdSend failing = new FailingThirdSend();
    String resumeFrom;
    try (EventPublisher first =
        new EventPublisher(SETTINGS, topics, OPTIONS, config -> failing, PacingClock.SYSTEM)) {
      resumeFrom =
          catchThrowableOfType(PublishFailedException.class, () -> first.publish(events))
              .resumeFrom();
    }
    failing.confirmedKeys().forEach(published::add);

    MockProducer<String, byte[]> healthy = mockProducer(true);
    try (EventPublisher second =
        new EventPublisher(SETTINGS, topics, OPTIONS, config -> healthy, PacingClock.SYSTEM)) {
      PublishReport report = second.publish(EventSelection.resumeFrom(events, resumeFrom));
      assertThat(report.total()).isEqualTo(3);
    }
    healthy.history().forEach(r -> published.add(r.key()));

    assertThat(published)
        .containsExactlyInAnyOrder(
            "deal-0", "deal-1", "deal-3", "deal-4", "deal-2", "deal-3", "deal-4");
  }

  @Test
  void aSendThatThrowsStopsTheRunBeforeLaterEvents() {
    MockProducer<String, byte[]> producer = mockProducer(true);
    producer.sendException = new org.apache.kafka.common.KafkaException("broker unreachable");

    PublishFailedException failure;
    try (EventPublisher publisher =
        new EventPublisher(SETTINGS, topics, OPTIONS, config -> producer, PacingClock.SYSTEM)) {
      failure = catchThrowableOfType(PublishFailedException.class, () -> publisher.publish(events));
    }

    assertThat(failure.resumeFrom()).isEqualTo("deal-0");
    assertThat(failure.confirmedCount()).isZero();
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void recordsCarryTheEventTimeAndKey() {
    MockProducer<String, byte[]> producer = mockProducer(true);
    try (EventPublisher publisher =
        new EventPublisher(SETTINGS, topics, OPTIONS, config -> producer, PacingClock.SYSTEM)) {
      publisher.publish(events);
    }

    ProducerRecord<String, byte[]> first = producer.history().get(0);
    assertThat(first.topic()).isEqualTo(topics.deals().name());
    assertThat(first.key()).isEqualTo("deal-0");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2025-11-03T12:00:00Z").toEpochMilli());
  }

  @Test
  void clientSettingsTuneThroughputButCannotWeakenDelivery() {
    KafkaSettings custom =
        new KafkaSettings(
            "broker:9093",
            "http://registry:8081",
            Map.of("acks", "1", "enable.idempotence", "false", "linger.ms", "50"),
            "t");

    Properties config = EventPublisher.producerConfig(custom);

    assertThat(config)
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("linger.ms", "50")
        .containsEntry("bootstrap.servers", "broker:9093");
  }

  @Test
  void pacedPublishingSleepsByEventTimeThroughTheInjectedClock() {
    List<Duration> sleeps = new ArrayList<>();
    PacingClock clock =
        new PacingClock() {
          long now;

          @Override
          public long nanoTime() {
            return now;
          }

          @Override
          public void sleepNanos(long nanos) {
            sleeps.add(Duration.ofNanos(nanos));
            now += nanos;
          }
        };
    MockProducer<String, byte[]> producer = mockProducer(true);

    try (EventPublisher publisher =
        new EventPublisher(
            SETTINGS, topics, OPTIONS.withSpeed(Speed.parse("1h/s")), config -> producer, clock)) {
      publisher.publish(events);
    }

    assertThat(sleeps).hasSize(4).containsOnly(Duration.ofSeconds(1));
    assertThat(producer.history()).hasSize(5);
  }

  private static MockProducer<String, byte[]> mockProducer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new StringSerializer(), new ByteArraySerializer());
  }

  /** Completes sends only on flush: two succeed, the third times out, the rest succeed. */
  private static final class FailingThirdSend extends MockProducer<String, byte[]> {
    private final List<String> confirmed = new ArrayList<>();

    FailingThirdSend() {
      super(false, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized void flush() {
      List<ProducerRecord<String, byte[]>> sent = history();
      for (int i = 0; i < sent.size(); i++) {
        if (i == 2) {
          errorNext(new TimeoutException("expired before the broker acknowledged"));
        } else {
          completeNext();
          confirmed.add(sent.get(i).key());
        }
      }
    }

    List<String> confirmedKeys() {
      return confirmed;
    }
  }
}
