package io.impactsim.cli;

import io.impactsim.tools.EventEdits;
import io.impactsim.tools.Namespace;
import io.impactsim.tools.Namespaces;
import io.impactsim.tools.Replay;
import io.impactsim.tools.ReplayReport;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.read.ViewSet;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Builds the views as they were at a past moment, in a namespace of their own, and prints them. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Build the views from the events that occurred up to --as-of, in an isolated namespace"
          + " (<topic-prefix>.asof.<instant>, its own application id), and print them. The live"
          + " views are not touched; the namespace is deleted afterwards unless --keep."
    })
final class ReplayCommand implements Callable<Integer> {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @ParentCommand Impactsim root;

  @Mixin ReplayOptions replay;

  @Spec CommandSpec spec;

  @Option(
      names = "--as-of",
      required = true,
      paramLabel = "INSTANT",
      description =
          "Only events that occurred at or before this instant, e.g. 2025-10-31T00:00Z or"
              + " 2025-10-31 (start of that day, UTC).")
  String asOf;

  @Option(
      names = "--view",
      paramLabel = "VIEW",
      split = ",",
      description = "Only these views: market-share, capex, market-cap, reactions (default: all).")
  List<String> views;

  @Option(names = "--keep", description = "Keep the namespace instead of deleting it.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    Instant cutOff = parse(asOf);
    KafkaSettings live = root.connection().settings();
    Namespace namespace =
        Namespace.of(live, replay.liveOptions(), Namespace.AS_OF, NAME.format(cutOff));
    PrintWriter out = spec.commandLine().getOut();
    ReplayReport report =
        Replay.run(namespace, EventEdits.asOf(cutOff), new ReplayProgress(), replay.timeout);
    ReplayProgress.summary(out, report);
    out.println("The views as of " + cutOff + ":");
    out.println();
    out.print(ReplayViews.render(ViewSet.read(namespace.settings(), replay.timeout), views));
    if (keep) {
      out.println("Kept the namespace " + namespace.prefix() + ".*");
    } else {
      Namespaces.delete(namespace, replay.timeout);
    }
    out.flush();
    return 0;
  }

  /** An instant, an offset date-time with or without seconds, or a date (its start in UTC). */
  static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new IllegalArgumentException(
            "--as-of '" + text + "' is not an instant such as 2025-10-31T00:00Z or a date");
      }
    }
  }
}
