package io.impactsim.cli;

import io.impactsim.model.ImpactModelConfig;
import io.impactsim.model.calibrate.Calibration;
import io.impactsim.model.calibrate.CalibrationSet;
import io.impactsim.model.calibrate.ObservedReactions;
import io.impactsim.model.calibrate.ParameterFile;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.History;
import io.impactsim.producer.history.HistoryReader;
import io.impactsim.producer.progress.ProgressBars;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Fits the impact model to observed reactions and writes the parameters it found. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fit the impact model's parameters to how the market reacted to the events of a history,"
          + " print the fit (in-sample and leave-one-out: sign agreement, Spearman rank"
          + " correlation, mean absolute error, beside the naive 'every named company +1%%')"
          + " and the residuals, and write a parameter file that --impact-model loads.",
      "Coefficients are fitted by Huber's robust regression, the size exponent and the weights"
          + " of 'up to' and 'in talks' values on a grid (docs/impact-model.md#calibrating).",
      "Needs no Kafka: it reads files only."
    },
    footer = {
      "",
      "Examples:",
      "  impactsim calibrate --history calibration/events.jsonl"
          + " --reactions calibration/reactions.jsonl"
          + " --known-companies-file calibration/known-companies.txt --out fitted.properties",
      "  impactsim streams --impact-model fitted.properties"
    })
final class CalibrateCommand implements Callable<Integer> {
  /** Exit code when the history or the reactions are invalid. */
  static final int INVALID_INPUT = 3;

  @Option(
      names = "--history",
      required = true,
      split = ",",
      paramLabel = "FILE",
      description = "History files with the events and company profiles (JSON Lines or Avro).")
  List<Path> history;

  @Option(
      names = "--reactions",
      required = true,
      paramLabel = "FILE",
      description = "Observed reactions, JSON Lines (calibration/reactions.schema.json).")
  Path reactions;

  @Option(
      names = "--known-companies",
      split = ",",
      paramLabel = "ID",
      description = "Companies the history names without a company line (private ones).")
  Set<String> knownCompanies = Set.of();

  @Option(
      names = "--known-companies-file",
      paramLabel = "FILE",
      description = "The same, one id per line.")
  Path knownCompaniesFile;

  @Option(
      names = "--impact-model",
      paramLabel = "FILE",
      description =
          "Start from these parameters instead of the bundled defaults: the values of"
              + " parameters the data cannot fit.")
  Path impactModel;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the fitted parameters here (a properties file for --impact-model).")
  Path out;

  @Option(
      names = "--no-leave-one-out",
      description = "Skip the leave-one-out evaluation (it refits once per reaction).")
  boolean noLeaveOneOut;

  @Option(
      names = "--residuals",
      defaultValue = "15",
      paramLabel = "N",
      description = "Print the N largest residuals (default: ${DEFAULT-VALUE}; 0 for none).")
  int residuals;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<String> known = new LinkedHashSet<>(knownCompanies);
    if (knownCompaniesFile != null) {
      Files.readAllLines(knownCompaniesFile, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(known::add);
    }
    History events = HistoryReader.read(history, known);
    if (!events.isValid()) {
      events.problems().forEach(p -> err.println(p));
      err.printf("%d problem(s) in the history: nothing fitted%n", events.problems().size());
      return INVALID_INPUT;
    }
    CalibrationSet set;
    try {
      set =
          new CalibrationSet(
              events.events().stream().map(InputEvent::value).toList(),
              ObservedReactions.read(reactions));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return INVALID_INPUT;
    }
    Calibration.Result result;
    try (ProgressBar bar = ProgressBars.start("fitting", 1, " fits", false)) {
      result =
          new Calibration(set, baseParameters())
              .run(
                  !noLeaveOneOut,
                  (done, total) -> {
                    bar.maxHint(total);
                    bar.stepTo(done);
                  });
    }
    out.print(CalibrationReport.render(result, residuals));
    if (this.out != null) {
      Files.writeString(this.out, ParameterFile.render(result), StandardCharsets.UTF_8);
      out.println("Wrote the fitted parameters to " + this.out);
    }
    out.flush();
    return 0;
  }

  private Properties baseParameters() {
    if (impactModel == null) {
      return ImpactModelConfig.bundledProperties();
    }
    Properties merged = ImpactModelConfig.properties(impactModel);
    // Checked whole (ranges, missing values) before its values are used.
    ImpactModelConfig.fromProperties(merged, impactModel.toString());
    return merged;
  }
}
