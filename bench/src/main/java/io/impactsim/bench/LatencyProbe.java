package io.impactsim.bench;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency of the views: with the application running and idle, publishes events at a
 * fixed rate and times each from its send to the first market-cap reaction to it that a
 * read_committed reader can see. The first tenth of the events warms up and is not timed.
 */
final class LatencyProbe {
  private LatencyProbe() {}

  static Latency run(
      KafkaSettings settings, String applicationId, Path stateDir, BenchOptions options, int rate)
      throws InterruptedException, TimeoutException {
    SyntheticMarket market =
        new SyntheticMarket(
            SyntheticConfig.of(
                options.latencyEvents(rate), options.companies(), options.seed() + 1));
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = settings.topics(registry);
      publishProfiles(settings, topics, market, options);
      try (ImpactsimStreams app =
              new ImpactsimStreams(
                  settings, FullPipeline.streamsOptions(applicationId, stateDir, options));
          ReactionWatch watch = new ReactionWatch(settings, topics)) {
        app.start(options.timeout());
        watch.start();
        long timed = sendPaced(settings, topics, market, rate, watch);
        app.awaitCaughtUp(options.timeout());
        return new Latency(rate, timed, watch.finish(options.timeout()));
      }
    } finally {
      FullPipeline.deleteState(stateDir);
    }
  }

  private static void publishProfiles(
      KafkaSettings settings, TopicCatalog topics, SyntheticMarket market, BenchOptions options) {
    List<InputEvent> profiles = new ArrayList<>();
    for (InputEvent e : market) {
      if (e.type() != EventType.COMPANY) {
        break;
      }
      profiles.add(e);
    }
    PublisherOptions publishing =
        PublisherOptions.defaults().withPartitions(options.partitions()).withProgress(false);
    try (EventPublisher publisher = new EventPublisher(settings, topics, publishing)) {
      publisher.publish(profiles);
    }
  }

  /** Sends the events on schedule; returns how many were timed. */
  private static long sendPaced(
      KafkaSettings settings,
      TopicCatalog topics,
      SyntheticMarket market,
      int rate,
      ReactionWatch watch) {
    Properties p = EventPublisher.producerConfig(settings);
    // Batching for throughput would add its linger to every latency measured.
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    AtomicReference<Exception> failed = new AtomicReference<>();
    long warmup = market.size() / 10;
    long intervalNanos = 1_000_000_000L / rate;
    long sent = 0;
    long timed = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      long start = System.nanoTime();
      for (InputEvent e : market) {
        if (e.type() == EventType.COMPANY) {
          continue;
        }
        LockSupport.parkNanos(start + sent * intervalNanos - System.nanoTime());
        Topic<String, SpecificRecord> topic = e.topicIn(topics);
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), e.value());
        if (sent++ >= warmup) {
          watch.published(e.eventId());
          timed++;
        }
        producer.send(
            new ProducerRecord<>(topic.name(), null, e.occurredAt().toEpochMilli(), e.key(), value),
            (metadata, error) -> {
              if (error != null) {
                failed.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException("a timed event was not published", failed.get());
    }
    return timed;
  }
}
