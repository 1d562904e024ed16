package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.model.ImpactModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code impactsim calibrate} on the hand-computed fixture of {@code CalibrationTest}: four
 * providers worth $100B, $25B, $4B and $1B win $1B each and move 1.2%, 2.2%, 5.2% and 10.2%.
 */
class CalibrateCommandTest {
  @TempDir Path dir;

  private Path history() throws IOException {
    List<String> lines = new ArrayList<>();
    long[] caps = {100, 25, 4, 1};
    for (int i = 0; i < caps.length; i++) {
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"formatVersion\": 1, \"type\": \"company\", \"eventId\": \"company-p%d\","
                  + " \"occurredAt\": \"2024-02-29T21:00:00Z\", \"source\": \"fixture\","
                  + " \"id\": \"p%d\", \"name\": \"P%d\", \"listed\": true,"
                  + " \"referenceDate\": \"2024-02-29\", \"marketCapUsd\": %d000000000,"
                  + " \"roles\": [\"CLOUD_PROVIDER\"], \"segments\": [\"s%d\"]}",
              i,
              i,
              i,
              caps[i],
              i));
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"formatVersion\": 1, \"type\": \"deal\", \"eventId\": \"deal-%d\","
                  + " \"occurredAt\": \"2024-03-01T14:00:00Z\", \"source\": \"fixture\","
                  + " \"dealId\": \"deal-%d\", \"buyer\": \"lab\", \"provider\": \"p%d\","
                  + " \"segment\": \"s%d\", \"kind\": \"CLOUD_CAPACITY\","
                  + " \"valueUsd\": 1000000000, \"valueQualifier\": \"EXACT\"}",
              i,
              i,
              i,
              i));
    }
    Path file = dir.resolve("history.jsonl");
    Files.write(file, lines);
    return file;
  }

  private Path reactions(String... extra) throws IOException {
    List<String> lines = new ArrayList<>();
    double[] moves = {1.7, 2.2, 5.2, 10.2};
    for (int i = 0; i < moves.length; i++) {
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"eventId\": \"deal-%d\", \"company\": \"p%d\", \"tradingDay\": \"2024-03-01\","
                  + " \"window\": \"CLOSE_TO_CLOSE\", \"returnPct\": %s, \"returnSource\": \"f\"%s}",
              i,
              i,
              moves[i],
              i == 0
                  ? ", \"index\": \"S&P 500\", \"indexReturnPct\": 0.5, \"indexSource\": \"f\""
                  : ""));
    }
    lines.addAll(List.of(extra));
    Path file = dir.resolve("reactions.jsonl");
    Files.write(file, lines);
    return file;
  }

  @Test
  void printsTheFitAndWritesParametersThatTheModelLoads() throws IOException {
    Path out = dir.resolve("fitted.properties");

    CommandRun run = calibrate(reactions(), "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Fitted to 4 observed reactions")
        .containsPattern("model, leave-one-out \\| +4 \\| +100% \\| +1.00 \\| +0.0 pp")
        .containsPattern("every named company \\+1% \\| +4 \\| +100% \\| +- \\| +3.7 pp");
    ImpactModelConfig fitted = ImpactModelConfig.load(out);
    assertThat(fitted.deal().sizeExponent()).isEqualTo(0.5);
    assertThat(fitted.deal().sizeCoefficient())
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void invalidReactionsAreReportedWithTheirLineAndNothingIsFitted() throws IOException {
    Path reactions =
        reactions(
            "{\"eventId\": \"deal-0\", \"company\": \"p0\", \"tradingDay\": \"March\","
                + " \"window\": \"CLOSE_TO_CLOSE\", \"returnPct\": 1, \"returnSource\": \"f\"}");

    CommandRun run = calibrate(reactions);

    assertThat(run.exit()).isEqualTo(CalibrateCommand.INVALID_INPUT);
    assertThat(run.err()).contains("reactions.jsonl:5").contains("tradingDay");
  }

  private CommandRun calibrate(Path reactions, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "calibrate",
                "--history",
                history().toString(),
                "--reactions",
                reactions.toString(),
                "--known-companies",
                "lab"));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }
}
