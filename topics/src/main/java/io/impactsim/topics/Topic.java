package io.impactsim.topics;

import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values: the one place a topic's name and formats are
 * defined, shared by the producer, the topologies and the tests.
 */
public record Topic<K, V>(String name, TopicKind kind, Serde<K> keySerde, Serde<V> valueSerde) {

  /** The topic as it should be created, with the broker's default replication factor if none. */
  public NewTopic newTopic(int partitions, Optional<Short> replicationFactor) {
    return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(kind.configs());
  }
}
