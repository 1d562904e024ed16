package io.impactsim.bench;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.util.List;

/**
 * The topics every contender reads: the three event logs. Company profiles are published too, but
 * the views read them as a global table before they run, so they are not part of the events timed.
 */
final class EventTopics {
  private EventTopics() {}

  static List<Topic<String, ?>> of(TopicCatalog topics) {
    return List.of(topics.deals(), topics.restructurings(), topics.earnings());
  }
}
