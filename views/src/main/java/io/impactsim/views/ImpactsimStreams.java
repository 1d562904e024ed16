package io.impactsim.views;

import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.SchemaSubjects;
import io.impactsim.topics.TopicAdmin;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.input.DeadLetterHandler;
import io.impactsim.views.input.DeadLetters;
import io.impactsim.views.input.ProfileGate;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The running streams application: builds the topology for a namespace, creates the topics it
 * needs, and starts and stops Kafka Streams with exactly-once processing.
 */
public final class ImpactsimStreams implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long the application's producer waits on a blocked send or commit while the broker is away.
   * Under exactly-once its batches wait for ever ({@code delivery.timeout.ms}); what gave up in a
   * 90 s outage was a send waiting 60 s (the default) for metadata. That marks one task corrupted
   * while the transaction it shares with every task of the thread is left unusable, and Kafka
   * Streams' handling of it stopped the application or left a view short (docs/reliability.md, "A
   * broker restart, as seen in the runs"). Waiting as long as Kafka Streams waits on a task ({@code
   * task.timeout.ms}, 5 min) lets the send return once the broker is back.
   */
  private static final Duration PRODUCER_MAX_BLOCK = Duration.ofMinutes(5);

  private final KafkaSettings settings;
  private final StreamsOptions options;
  private final SchemaRegistry registry;
  private final TopicCatalog topics;
  private final Topology topology;
  private final KafkaStreams streams;
  private final KafkaStreams profileGate;
  private final CompletableFuture<Void> running = new CompletableFuture<>();
  private final CompletableFuture<Void> gateRunning = new CompletableFuture<>();

  public ImpactsimStreams(KafkaSettings settings, StreamsOptions options) {
    this.settings = settings;
    this.options = options;
    this.registry = settings.schemaRegistry();
    this.topics = settings.topics(registry);
    this.topology =
        ImpactsimTopology.build(
            new TopologySettings(topics, options.model(), options.commitInterval()));
    this.streams = new KafkaStreams(topology, config(settings, options, topics));
    streams.setStateListener(startWatch(running, "the streams application"));
    this.profileGate =
        new KafkaStreams(ProfileGate.build(topics), profileGateConfig(settings, options, topics));
    profileGate.setStateListener(startWatch(gateRunning, "the profile gate"));
  }

  private static KafkaStreams.StateListener startWatch(
      CompletableFuture<Void> running, String what) {
    return (now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        running.complete(null);
      } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR) {
        running.completeExceptionally(new IllegalStateException(what + " failed while starting"));
      }
    };
  }

  /**
   * The settings of the profile gate ({@link ProfileGate}): the application's, under its own
   * application id and with one stream thread.
   */
  public static Properties profileGateConfig(
      KafkaSettings settings, StreamsOptions options, TopicCatalog topics) {
    Properties props = config(settings, options, topics);
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        options.applicationIdFor(topics.prefix()) + ProfileGate.APPLICATION_ID_SUFFIX);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    return props;
  }

  /** The Kafka Streams settings of the application. */
  public static Properties config(
      KafkaSettings settings, StreamsOptions options, TopicCatalog topics) {
    Properties props = settings.kafkaProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, options.applicationIdFor(topics.prefix()));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.putAll(ImpactsimTopology.optimizationConfig());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, options.commitInterval().toMillis());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.threads());
    props.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDirOrDefault().toString());
    options
        .replicationFactor()
        .ifPresent(rf -> props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf));
    props.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    // A profile that fails in the global thread is skipped rather than stopping the application.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // One request in flight: with five, a new transactional producer whose first produce was
    // refused (CONCURRENT_TRANSACTIONS, NOT_LEADER_OR_FOLLOWER) saw the batches behind it refused
    // as OUT_OF_ORDER_SEQUENCE_NUMBER on every retry, and the application stalled (KAFKA-15591).
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG),
        PRODUCER_MAX_BLOCK.toMillis());
    props.putAll(options.overrides());
    // Refuse a dead-letter bound the producer could not send before the application starts.
    DeadLetters.maxBytes(props);
    return props;
  }

  /**
   * Creates the catalogue's missing topics, puts the view subjects under the compatibility rule,
   * starts the application and waits until it is RUNNING. Local state built from another cluster is
   * discarded first and rebuilt from this one.
   *
   * @throws TimeoutException if it is not running within the timeout
   */
  public void start(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      forgetStateOfOtherClusters(admin, timeout);
      List<NewTopic> wanted =
          topics.all().stream()
              .map(t -> t.newTopic(options.partitions(), options.replicationFactor()))
              .toList();
      TopicAdmin.ensureTopics(admin, wanted, timeout);
    }
    // The view subjects get the documented compatibility rule before their first record, as the
    // producer does for the inputs: registries differ in their default.
    SchemaSubjects.prepare(topics.views());
    profileGate.start();
    streams.start();
    try {
      running.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      gateRunning.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new TimeoutException(
          "streams application not running after "
              + timeout
              + " (state "
              + streams.state()
              + ", profile gate "
              + profileGate.state()
              + ")");
    }
  }

  /**
   * Waits until the application has processed every input record published so far ({@link
   * Progress#awaitCaughtUp}).
   */
  public void awaitCaughtUp(Duration timeout) throws InterruptedException, TimeoutException {
    Progress.awaitCaughtUp(settings, applicationId(), timeout);
  }

  private void forgetStateOfOtherClusters(Admin admin, Duration timeout)
      throws InterruptedException, TimeoutException {
    String clusterId;
    try {
      clusterId =
          admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot reach the cluster at " + settings.bootstrapServers() + ": " + e.getMessage(), e);
    }
    LocalState state = new LocalState(options.stateDirOrDefault(), applicationId());
    if (!state.builtFrom(clusterId)) {
      streams.cleanUp();
      state.claimFor(clusterId);
    }
  }

  /**
   * How many companies this instance holds a profile for, read from its global profile store.
   * Events are priced against the profiles held when they are processed: a caller that publishes
   * profiles while the application runs waits for them here before publishing their events.
   */
  public long companiesHeld() {
    ReadOnlyKeyValueStore<String, Object> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                Inputs.COMPANY_PROFILES_STORE, QueryableStoreTypes.keyValueStore()));
    long held = 0;
    try (KeyValueIterator<String, Object> all = store.all()) {
      for (; all.hasNext(); all.next()) {
        held++;
      }
    }
    return held;
  }

  /** The application id the application runs under. */
  public String applicationId() {
    return options.applicationIdFor(topics.prefix());
  }

  public TopicCatalog topics() {
    return topics;
  }

  public Topology topology() {
    return topology;
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** The companion application that dead-letters bad company profiles ({@link ProfileGate}). */
  public KafkaStreams profileGate() {
    return profileGate;
  }

  @Override
  public void close() {
    // Leave the group at once: otherwise the instance stays a member until its session times
    // out, and tools that need the group empty (reset, replays) would be refused until then.
    CloseOptions leave =
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT);
    streams.close(leave);
    profileGate.close(leave);
    registry.close();
  }
}
