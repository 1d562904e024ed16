package io.impactsim.views.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.BundledHistory;
import io.impactsim.producer.publish.EventPublisher;
import io.impactsim.producer.publish.PublisherOptions;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import io.impactsim.views.input.DeadLetters;
import io.impactsim.views.read.ViewReader;
import io.impactsim.views.reliability.HostileCase.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hostile-input corpus, interleaved with the bundled history, against the running
 * application on a real broker: each case has its documented outcome, the application keeps
 * running, and the views of the good history are those of a clean run.
 */
@KafkaSandboxTest
class HostileInputIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int ROUNDS = 8;

  @TempDir Path cleanState;
  @TempDir Path hostileState;

  @Test
  void everyHostileRecordHasItsDocumentedOutcomeAndGoodViewsAreUnchanged(KafkaEnvironment env)
      throws Exception {
    List<HostileCase> corpus = HostileCase.load();
    List<InputEvent> history = BundledHistory.load();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
    Views clean = run(env.settings(env.uniqueName("clean")), cleanState, history, List.of());

    KafkaSettings settings = env.settings(env.uniqueName("hostile"));
    Views hostile = run(settings, hostileState, history, corpus);

    Map<String, List<String>> reasons = deadLetterReasons(settings);
    for (HostileCase c : corpus) {
      List<String> letters = reasons.getOrDefault(c.name(), List.of());
      if (c.expect() == Outcome.DEAD_LETTER) {
        assertThat(letters).as(c.name()).hasSize(1);
        assertThat(letters.get(0)).as(c.name()).contains(c.reason());
      } else {
        assertThat(letters).as(c.name()).isEmpty();
      }
    }
    hostile.assertExtends(clean);
    assertAcceptedCasesAreInTheViews(corpus, hostile);
  }

  /** Publishes the history in rounds, each followed by its share of the hostile records. */
  private static Views run(
      KafkaSettings settings, Path stateDir, List<InputEvent> history, List<HostileCase> corpus)
      throws Exception {
    try (ImpactsimStreams app =
            new ImpactsimStreams(settings, StreamsOptions.defaults().withStateDir(stateDir));
        SchemaRegistry registry = settings.schemaRegistry();
        EventPublisher publisher =
            new EventPublisher(settings, settings.topics(registry), PublisherOptions.defaults());
        KafkaProducer<byte[], byte[]> raw = rawProducer(settings)) {
      // Profiles precede the events priced against them (docs/reliability.md): loaded before the
      // application starts, so that the global store holds them when the first event is priced.
      publisher.publish(history.stream().filter(e -> e.type() == EventType.COMPANY).toList());
      app.start(TIMEOUT);
      HostileRecords records = new HostileRecords(settings.topics(registry), history);
      List<InputEvent> events =
          history.stream().filter(e -> e.type() != EventType.COMPANY).toList();
      for (int round = 0; round < ROUNDS; round++) {
        publisher.publish(slice(events, round));
        send(raw, slice(corpus, round).stream().map(records::record).toList());
      }
      app.awaitCaughtUp(TIMEOUT);
      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      return Views.read(settings, app.topics(), TIMEOUT);
    }
  }

  private static <T> List<T> slice(List<T> all, int round) {
    int size = (all.size() + ROUNDS - 1) / ROUNDS;
    return all.subList(
        Math.min(all.size(), round * size), Math.min(all.size(), (round + 1) * size));
  }

  private static KafkaProducer<byte[], byte[]> rawProducer(KafkaSettings settings) {
    var props = settings.kafkaProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records)
      throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    records.forEach(r -> sent.add(producer.send(r)));
    for (Future<RecordMetadata> f : sent) {
      f.get(30, TimeUnit.SECONDS);
    }
  }

  private static Map<String, List<String>> deadLetterReasons(KafkaSettings settings)
      throws Exception {
    String topic = settings.topics(settings.schemaRegistry()).deadLetters().name();
    List<ConsumerRecord<byte[], byte[]>> letters = DeadLetterLog.readAll(settings, topic, TIMEOUT);
    assertThat(letters)
        .as("dead letters without a corpus case")
        .allSatisfy(r -> assertThat(DeadLetters.text(r.headers(), HostileCase.HEADER)).isNotNull());
    return letters.stream()
        .collect(
            Collectors.groupingBy(
                r -> DeadLetters.text(r.headers(), HostileCase.HEADER),
                TreeMap::new,
                Collectors.mapping(
                    r -> DeadLetters.text(r.headers(), DeadLetters.REASON), Collectors.toList())));
  }

  private static void assertAcceptedCasesAreInTheViews(List<HostileCase> corpus, Views views) {
    for (HostileCase c : corpus) {
      if (c.expect() == Outcome.ACCEPTED && c.spec().has("appearsIn")) {
        var where = c.spec().get("appearsIn");
        assertThat(views.byName(where.get("view").asText()))
            .as(c.name())
            .containsKey(where.get("key").asText());
      }
    }
  }

  /** The four views as maps of their latest value per key. */
  private record Views(
      Map<String, ?> share, Map<String, ?> capex, Map<String, ?> reactions, Map<String, ?> cap) {

    static Views read(KafkaSettings settings, TopicCatalog topics, Duration timeout)
        throws Exception {
      return new Views(
          ViewReader.read(settings, topics.marketShare(), timeout),
          ViewReader.read(settings, topics.capex(), timeout),
          ViewReader.read(settings, topics.marketCapReactions(), timeout),
          ViewReader.read(settings, topics.marketCap(), timeout));
    }

    Map<String, ?> byName(String name) {
      return switch (name) {
        case "share" -> share;
        case "capex" -> capex;
        case "reactions" -> reactions;
        case "marketCap" -> cap;
        default -> throw new IllegalArgumentException(name);
      };
    }

    /** Every view holds the clean run's entries unchanged, plus only keys of hostile cases. */
    void assertExtends(Views clean) {
      for (String name : List.of("share", "capex", "reactions", "marketCap")) {
        Map<String, Object> mine = cast(byName(name));
        assertThat(mine).as(name).containsAllEntriesOf(cast(clean.byName(name)));
        assertThat(mine.keySet())
            .as(name + " keys beyond the clean run")
            .filteredOn(k -> !clean.byName(name).containsKey(k))
            .allSatisfy(k -> assertThat(k).contains(HostileRecords.HOSTILE));
      }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<String, ?> map) {
      return (Map<String, Object>) map;
    }
  }
}
