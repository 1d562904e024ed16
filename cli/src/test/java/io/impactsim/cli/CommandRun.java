package io.impactsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One in-process run of the {@code impactsim} command line: its exit code and what it printed. */
record CommandRun(int exit, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Impactsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }

  /**
   * The same for commands that print their results on {@code System.out} (the views, JSON lines):
   * {@link #out} holds both what the command line's writer and what standard output received.
   */
  static CommandRun withStandardOutput(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream original = System.out;
    CommandRun run;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      run = of(args);
    } finally {
      System.setOut(original);
    }
    return new CommandRun(
        run.exit(), run.out() + stdout.toString(StandardCharsets.UTF_8), run.err());
  }
}
