package io.impactsim.views;

import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Materializes each view topic as a queryable table ({@link View#store()}), so the query API reads
 * exactly the records the views publish. The topologies keep their working state in internal shapes
 * that are not the published views; reading the committed output keeps both concerns apart.
 */
public final class ViewStores {
  private ViewStores() {}

  /** Adds one table per view to the builder. */
  public static void addTo(StreamsBuilder builder, TopicCatalog topics) {
    for (View view : View.values()) {
      table(builder, view, view.topic(topics));
    }
  }

  private static <V extends SpecificRecord> void table(
      StreamsBuilder builder, View view, Topic<String, V> topic) {
    builder.table(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(view.store()),
        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(view.store())
            .withKeySerde(topic.keySerde())
            .withValueSerde(topic.valueSerde())
            // Nothing reads these tables downstream, so a record cache would only hold view
            // records in the thread's shared cache and push out the entries of the stores whose
            // writes it is meant to coalesce.
            .withCachingDisabled());
  }
}
