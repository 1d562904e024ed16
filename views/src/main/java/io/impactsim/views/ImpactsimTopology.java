package io.impactsim.views;

import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;

/** The whole streams application as one pure function: the shared inputs and every view. */
public final class ImpactsimTopology {
  private ImpactsimTopology() {}

  /** Builds the topology; it refuses any internal topic or store left without a name. */
  public static Topology build(TopologySettings settings) {
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(namingConfig()));
    Inputs inputs = Inputs.from(builder, settings.topics());
    ViewsTopology.addTo(
        builder, inputs, settings.topics(), settings.model(), settings.flushInterval());
    ViewStores.addTo(builder, settings.topics());
    return builder.build(optimizationConfig());
  }

  /**
   * The query API's tables read the view topics, which are compacted: their stores restore from
   * those topics instead of writing a changelog of their own, which would copy every view record.
   */
  public static Properties optimizationConfig() {
    Properties props = new Properties();
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
    return props;
  }

  private static StreamsConfig namingConfig() {
    Properties props = new Properties();
    // Only the naming rule matters here; the running application supplies its real identity.
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "impactsim-topology");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return new StreamsConfig(props);
  }
}
