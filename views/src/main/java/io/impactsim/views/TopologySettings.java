package io.impactsim.views;

import io.impactsim.model.ImpactModel;
import io.impactsim.topics.TopicCatalog;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the topology depends on, apart from where it runs.
 *
 * @param topics the catalogue of the namespace the views read and write
 * @param model the impact model behind the market-cap view
 * @param flushInterval how often an event task sends its summed changes on to the totals (the
 *     latency of the value, capex and share views; reactions are published at once)
 */
public record TopologySettings(TopicCatalog topics, ImpactModel model, Duration flushInterval) {

  /** The flush interval when none is given: the default commit interval. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);

  public TopologySettings {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(model, "model");
    if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flush interval must be positive");
    }
  }

  /** The settings of a namespace with the default impact model and flush interval. */
  public static TopologySettings of(TopicCatalog topics) {
    return new TopologySettings(topics, ImpactModel.withDefaults(), DEFAULT_FLUSH_INTERVAL);
  }
}
