package io.impactsim.tools;

import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.BranchViews;
import io.impactsim.views.View;
import io.impactsim.views.read.ViewReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The what-if branches next to a live namespace ({@code impactsim whatif}), for the view server:
 * each read scans the branch's view topic from its beginning, as the branches are small and change
 * only when a branch is replayed again.
 */
public final class WhatIfBranches implements BranchViews {
  private final KafkaSettings live;
  private final Duration timeout;

  /** The branches next to the live namespace; a read that takes over 30 s fails. */
  public WhatIfBranches(KafkaSettings live) {
    this(live, Duration.ofSeconds(30));
  }

  public WhatIfBranches(KafkaSettings live, Duration timeout) {
    this.live = live;
    this.timeout = timeout;
  }

  @Override
  public List<String> names() throws Exception {
    return Namespaces.list(live, Namespace.WHAT_IF, timeout);
  }

  @Override
  public Optional<List<SpecificRecord>> read(String branch, View view) throws Exception {
    if (!names().contains(branch)) {
      return Optional.empty();
    }
    KafkaSettings settings =
        live.withTopicPrefix(Namespace.kindPrefix(live, Namespace.WHAT_IF) + branch);
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = TopicCatalog.create(settings.topicPrefix(), registry, false);
      return Optional.of(
          List.copyOf(
              ViewReader.<SpecificRecord>read(settings, view.topic(topics), timeout).values()));
    }
  }
}
