package io.impactsim.cli;

import io.impactsim.producer.publish.PublishedCompanies;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.tools.AddedEvent;
import io.impactsim.tools.EventEdits;
import io.impactsim.tools.Namespace;
import io.impactsim.tools.Namespaces;
import io.impactsim.tools.Replay;
import io.impactsim.tools.ReplayReport;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.Difference;
import io.impactsim.views.read.ViewComparison;
import io.impactsim.views.read.ViewSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Replays the log with events added, removed or amended, and shows how every view would differ. */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the log with changes in a branch of its own (<topic-prefix>.whatif.<name>, its own"
          + " application id and state) and print how its views differ from the live ones: each"
          + " figure that changes (shares, commitments, impacts, simulated values) with the change;"
          + " --fields lists every differing field instead. Branches stay until deleted.",
      "",
      "  impactsim whatif --name kept-rofr --remove 2025-10-28-openai-rofr-removed",
      "  impactsim whatif --name aws-20b --amend 2025-11-03-openai-aws-38b valueUsd=20000000000",
      "  impactsim whatif --list",
      "  impactsim whatif --delete aws-20b"
    })
final class WhatIfCommand implements Callable<Integer> {
  @ParentCommand Impactsim root;

  @Mixin ReplayOptions replay;

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Action action;

  static final class Action {
    @Option(names = "--name", paramLabel = "NAME", description = "Create or replace this branch.")
    String name;

    @Option(names = "--list", description = "List the branches.")
    boolean list;

    @Option(names = "--delete", paramLabel = "NAME", description = "Delete this branch.")
    String delete;
  }

  @Option(
      names = "--add",
      paramLabel = "FILE",
      description = "History file (JSON Lines or .avro) of events to add; repeatable.")
  List<Path> add;

  @Option(
      names = "--remove",
      paramLabel = "EVENT_ID",
      arity = "1..*",
      description = "Leave these events out.")
  List<String> remove;

  @Option(
      names = "--amend",
      paramLabel = "EVENT_ID field=value",
      arity = "2..*",
      description =
          "Change fields of an event, e.g. --amend 2025-11-03-openai-aws-38b"
              + " valueUsd=20000000000; nested fields with dots (meta.source), null clears.")
  List<String> amend;

  @Option(
      names = "--view",
      paramLabel = "VIEW",
      split = ",",
      description = "Only differences of these views (default: all).")
  List<String> views;

  @Option(
      names = "--fields",
      description =
          "List every field that differs (raw values, array positions) instead of the summary of"
              + " figures.")
  boolean fields;

  @Override
  public Integer call() throws Exception {
    KafkaSettings live = root.connection().settings();
    PrintWriter out = spec.commandLine().getOut();
    if (action.list) {
      List<String> names = Namespaces.list(live, Namespace.WHAT_IF, replay.timeout);
      out.println(names.isEmpty() ? "No what-if branches." : String.join("\n", names));
      return 0;
    }
    if (action.delete != null) {
      Namespace branch = branch(live, action.delete);
      List<String> deleted = Namespaces.delete(branch, replay.timeout);
      long topics = deleted.stream().filter(d -> d.startsWith("topic ")).count();
      out.println(
          deleted.isEmpty()
              ? "No branch " + action.delete + "."
              : "Deleted branch "
                  + action.delete
                  + ": "
                  + topics
                  + " topic(s)"
                  + deleted.stream()
                      .filter(d -> !d.startsWith("topic "))
                      .map(d -> ", " + d)
                      .collect(Collectors.joining()));
      return 0;
    }
    return replay(live, out);
  }

  private int replay(KafkaSettings live, PrintWriter out) throws Exception {
    EventEdits edits = WhatIfEdits.of(remove, amend, added(live));
    if (edits.namedEventIds().isEmpty() && edits.added().isEmpty()) {
      throw new IllegalArgumentException("a branch needs --add, --remove or --amend");
    }
    Namespace branch = branch(live, action.name);
    ReplayReport report = Replay.run(branch, edits, new ReplayProgress(), replay.timeout);
    ReplayProgress.summary(out, report);
    ViewSet liveViews = ViewSet.read(live, replay.timeout);
    ViewSet branchViews = ViewSet.read(branch.settings(), replay.timeout);
    if (fields) {
      List<Difference> shown =
          ViewComparison.of(liveViews, branchViews).differences().stream()
              .filter(d -> views == null || views.isEmpty() || views.contains(d.view()))
              .toList();
      out.print(WhatIfDiffTable.render(shown, "live", action.name));
    } else {
      out.print(
          ViewChanges.render(
              ViewChanges.between(liveViews, branchViews, views), "live", action.name));
    }
    out.flush();
    return 0;
  }

  private List<AddedEvent> added(KafkaSettings live) throws Exception {
    if (add == null || add.isEmpty()) {
      return List.of();
    }
    try (SchemaRegistry registry = live.schemaRegistry()) {
      return WhatIfEdits.read(
          add, PublishedCompanies.read(live, live.topics(registry), replay.timeout));
    }
  }

  private Namespace branch(KafkaSettings live, String name) {
    return Namespace.of(live, replay.liveOptions(), Namespace.WHAT_IF, name);
  }
}
