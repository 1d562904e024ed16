package io.impactsim.streams;

import io.impactsim.schemas.topics.TopicCatalog;
import io.impactsim.streams.impact.ImpactModel;
import io.impactsim.streams.share.MarketShareTopology;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the topology depends on, apart from where it runs.
 *
 * @param topics the catalogue of the namespace the views read and write
 * @param quarterGrace how long after its end a quarter still accepts late events (event time)
 * @param model the impact model behind the market-cap view
 * @param repriceInterval how often the market-cap ledger prices the impacts that have arrived and
 *     the event tasks report their progress to it; zero prices each impact on arrival
 * @param inputLag how far the application has read its inputs, for the event tasks' reports
 */
public record TopologySettings(
    TopicCatalog topics,
    Duration quarterGrace,
    ImpactModel model,
    Duration repriceInterval,
    InputLag inputLag) {

  public TopologySettings {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(inputLag, "inputLag");
    if (quarterGrace == null || quarterGrace.isNegative()) {
      throw new IllegalArgumentException("quarter grace must be zero or positive");
    }
    if (repriceInterval == null || repriceInterval.isNegative()) {
      throw new IllegalArgumentException("reprice interval must be zero or positive");
    }
  }

  /** Settings whose inputs count as read to their end (no running application to watch). */
  public TopologySettings(
      TopicCatalog topics, Duration quarterGrace, ImpactModel model, Duration repriceInterval) {
    this(topics, quarterGrace, model, repriceInterval, new InputLag());
  }

  /** The settings of a namespace with the default grace period and impact model. */
  public static TopologySettings of(TopicCatalog topics) {
    return new TopologySettings(
        topics, MarketShareTopology.DEFAULT_GRACE, ImpactModel.withDefaults(), Duration.ZERO);
  }
}
