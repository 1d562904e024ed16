package io.impactsim.views;

import io.impactsim.model.ImpactModel;
import io.impactsim.model.ImpactModelConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the streams application runs; every field has a default ({@link #defaults()}).
 *
 * @param applicationId Kafka Streams application id; empty means {@code <topicPrefix>-views}
 * @param stateDir directory of local state; empty means {@code ~/.impactsim/state}
 * @param replicationFactor of the topics it creates and of its internal topics; empty means the
 *     broker's default
 * @param partitions of the topics it creates when they are missing
 * @param commitInterval how often state and output are committed (exactly-once transactions); the
 *     event tasks send their summed changes to the totals as often
 * @param threads stream threads of this instance ({@code num.stream.threads}); with several
 *     instances, the tasks (one per input partition, and per partition of the changes topic) spread
 *     over all their threads
 * @param impactModel properties file of the impact model's parameters; empty means the bundled
 *     defaults
 * @param overrides any further Kafka Streams settings, applied last
 */
public record StreamsOptions(
    Optional<String> applicationId,
    Optional<Path> stateDir,
    Optional<Short> replicationFactor,
    int partitions,
    Duration commitInterval,
    int threads,
    Optional<Path> impactModel,
    Map<String, String> overrides) {

  public static final int DEFAULT_PARTITIONS = 3;
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
  public static final int DEFAULT_THREADS = 1;

  public StreamsOptions {
    overrides = Map.copyOf(overrides);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commit interval must be positive");
    }
  }

  public static StreamsOptions defaults() {
    return new StreamsOptions(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_PARTITIONS,
        DEFAULT_COMMIT_INTERVAL,
        DEFAULT_THREADS,
        Optional.empty(),
        Map.of());
  }

  public StreamsOptions withApplicationId(String id) {
    return new StreamsOptions(
        Optional.of(id),
        stateDir,
        replicationFactor,
        partitions,
        commitInterval,
        threads,
        impactModel,
        overrides);
  }

  public StreamsOptions withStateDir(Path dir) {
    return new StreamsOptions(
        applicationId,
        Optional.of(dir),
        replicationFactor,
        partitions,
        commitInterval,
        threads,
        impactModel,
        overrides);
  }

  public StreamsOptions withReplicationFactor(short factor) {
    return new StreamsOptions(
        applicationId,
        stateDir,
        Optional.of(factor),
        partitions,
        commitInterval,
        threads,
        impactModel,
        overrides);
  }

  public StreamsOptions withPartitions(int count) {
    return new StreamsOptions(
        applicationId,
        stateDir,
        replicationFactor,
        count,
        commitInterval,
        threads,
        impactModel,
        overrides);
  }

  public StreamsOptions withThreads(int count) {
    return new StreamsOptions(
        applicationId,
        stateDir,
        replicationFactor,
        partitions,
        commitInterval,
        count,
        impactModel,
        overrides);
  }

  public StreamsOptions withCommitInterval(Duration interval) {
    return new StreamsOptions(
        applicationId,
        stateDir,
        replicationFactor,
        partitions,
        interval,
        threads,
        impactModel,
        overrides);
  }

  public StreamsOptions withOverrides(Map<String, String> settings) {
    return new StreamsOptions(
        applicationId,
        stateDir,
        replicationFactor,
        partitions,
        commitInterval,
        threads,
        impactModel,
        settings);
  }

  public StreamsOptions withImpactModel(Path file) {
    return new StreamsOptions(
        applicationId,
        stateDir,
        replicationFactor,
        partitions,
        commitInterval,
        threads,
        Optional.of(file),
        overrides);
  }

  /** The impact model: the parameters in {@link #impactModel} or the bundled defaults. */
  public ImpactModel model() {
    return new ImpactModel(
        impactModel.map(ImpactModelConfig::load).orElse(ImpactModelConfig.defaults()));
  }

  /** The application id used with topics of the given prefix. */
  public String applicationIdFor(String topicPrefix) {
    return applicationId.orElse(topicPrefix + "-views");
  }

  /** The state directory to use. */
  public Path stateDirOrDefault() {
    return stateDir.orElse(Path.of(System.getProperty("user.home"), ".impactsim", "state"));
  }
}
