package io.impactsim.tools;

import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.ImpactsimTopology;
import io.impactsim.views.TopologySettings;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The internal topics (changelogs and repartition topics) of an application id, told apart from
 * those of other applications by the store and repartition names of the topology. Matching on the
 * application id alone would also match {@code <id>-x-views-...}, another namespace's topics.
 */
final class InternalTopics {
  private InternalTopics() {}

  /** The existing topics among {@code names} that are internal topics of the application. */
  static List<String> among(Collection<String> names, String applicationId) {
    Set<String> expected = expected(applicationId);
    return names.stream().filter(expected::contains).sorted().toList();
  }

  private static Set<String> expected(String applicationId) {
    TopicCatalog any = TopicCatalog.names("internal");
    TopologyDescription described = ImpactsimTopology.build(TopologySettings.of(any)).describe();
    Set<String> out = new TreeSet<>();
    for (TopologyDescription.Subtopology s : described.subtopologies()) {
      for (TopologyDescription.Node node : s.nodes()) {
        if (node instanceof TopologyDescription.Processor p) {
          p.stores().forEach(store -> out.add(applicationId + "-" + store + "-changelog"));
        } else if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          source.topicSet().stream()
              .filter(t -> t.endsWith("-repartition"))
              .forEach(t -> out.add(applicationId + "-" + t));
        }
      }
    }
    return out;
  }
}
