package io.impactsim.cli;

import io.impactsim.tools.ApplicationReset;
import io.impactsim.tools.ResetPlan;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Resets the live streams application so that its next start rebuilds the views from the log. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Reset the streams application: its committed input offsets, internal topics and local"
          + " state, and also its view and dead-letter topics (emptied by deleting and"
          + " recreating them). The next 'impactsim streams' rebuilds every view from the log.",
      "Refuses while an instance of the application is running."
    })
final class ResetCommand implements Callable<Integer> {
  @ParentCommand Impactsim root;

  @Mixin ReplayOptions replay;

  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Print what a reset would do; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    ApplicationReset reset =
        new ApplicationReset(root.connection().settings(), replay.liveOptions());
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      ResetPlan plan = reset.plan(replay.timeout);
      out.println("Dry run: a reset of '" + plan.applicationId() + "' would:");
      plan.steps(false).forEach(s -> out.println("  " + s));
      if (plan.running()) {
        out.println(
            "It would be refused now: "
                + plan.members().size()
                + " instance(s) running; stop them first.");
      }
      return 0;
    }
    ResetPlan done = reset.reset(replay.timeout);
    out.println("Reset '" + done.applicationId() + "':");
    done.steps(true).forEach(s -> out.println("  " + s));
    out.println("The next 'impactsim streams' rebuilds every view from the log.");
    return 0;
  }
}
