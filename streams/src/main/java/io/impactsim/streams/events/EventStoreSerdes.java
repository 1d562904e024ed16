package io.impactsim.streams.events;

import io.impactsim.schemas.topics.TopicCatalog;
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
