package io.impactsim.views.events;

import io.impactsim.topics.TopicCatalog;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes of the event pass's entity stores, embedding reports as their input topics encode them.
 */
public final class EventStoreSerdes {
  private final TopicCatalog topics;

  public EventStoreSerdes(TopicCatalog topics) {
    this.topics = topics;
  }

  public Serde<?> contracts() {
    return ContractState.serde(topics);
  }

  public Serde<?> earnings() {
    return EarningsState.serde(topics);
  }
}
