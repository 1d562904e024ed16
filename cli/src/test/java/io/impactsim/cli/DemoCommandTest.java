package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {
  @Test
  void demoPrintsTheMarketShareOfTheBundledHistoryFromAnEmbeddedCluster() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cli = Impactsim.commandLine();
      cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
      exit = cli.execute("demo");
    } finally {
      System.setOut(originalOut);
    }
    String printed = out.toString(StandardCharsets.UTF_8);

    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    assertThat(printed).contains("Market share of committed compute spend: ai-compute-cloud");
    assertThat(printed).contains("AWS").contains("$38.0B");
    assertThat(printed).contains("Oracle");
  }
}
