package io.impactsim.cli;

import io.impactsim.tools.EventEdits;
import io.impactsim.tools.Namespace;
import io.impactsim.tools.Namespaces;
import io.impactsim.tools.Replay;
import io.impactsim.tools.ReplayReport;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.ViewComparison;
import io.impactsim.views.read.ViewSet;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Reprocesses the whole log in a namespace of its own and compares the result with the live views.
 */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = {
      "Reprocess the whole log into a fresh namespace (<topic-prefix>.rebuild.<name>) and report"
          + " whether the rebuilt views equal the live ones: a digest per view, and every"
          + " differing field. The live views are not touched.",
      "Exits 0 when every view is equal, 4 when some differ."
    })
final class RebuildCommand implements Callable<Integer> {
  /** Exit code when the rebuilt views differ from the live ones. */
  static final int DIFFERENT = 4;

  @ParentCommand Impactsim root;

  @Mixin ReplayOptions replay;

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      defaultValue = "latest",
      description = "Name of the rebuild namespace (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--keep", description = "Keep the rebuilt namespace instead of deleting it.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    KafkaSettings live = root.connection().settings();
    Namespace namespace = Namespace.of(live, replay.liveOptions(), Namespace.REBUILD, name);
    PrintWriter out = spec.commandLine().getOut();
    ReplayReport report =
        Replay.run(namespace, EventEdits.NONE, new ReplayProgress(), replay.timeout);
    ReplayProgress.summary(out, report);
    ViewComparison comparison =
        ViewComparison.of(
            ViewSet.read(live, replay.timeout), ViewSet.read(namespace.settings(), replay.timeout));
    comparison
        .digests()
        .forEach(
            (view, d) ->
                out.printf(
                    Locale.ROOT,
                    "%-13s %-9s live %4d keys %s  rebuilt %4d keys %s%n",
                    view,
                    d.equal() ? "EQUAL" : "DIFFERENT",
                    d.baseKeys(),
                    d.base().substring(0, 12),
                    d.otherKeys(),
                    d.other().substring(0, 12)));
    if (!comparison.equal()) {
      out.print(WhatIfDiffTable.render(comparison.differences(), "live", "rebuilt"));
    }
    if (keep) {
      out.println("Kept the rebuilt namespace " + namespace.prefix() + ".*");
    } else {
      Namespaces.delete(namespace, replay.timeout);
    }
    out.println(
        comparison.equal()
            ? "The rebuilt views equal the live ones."
            : "The rebuilt views differ from the live ones (is the live application caught up?).");
    return comparison.equal() ? 0 : DIFFERENT;
  }
}
