package io.impactsim.cli;

import io.impactsim.schemas.serde.GeneratedRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code impactsim} command: one executable, one subcommand per task. */
@Command(
    name = "impactsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Event-sourced market-impact simulator for the AI-compute market on Kafka Streams.",
      "",
      "Start with 'impactsim demo': it runs everything in-process and prints the views."
    },
    subcommands = {
      RunCommand.class,
      SandboxCommand.class,
      ProduceCommand.class,
      StreamsCommand.class,
      QueryCommand.class,
      TailCommand.class,
      ResetCommand.class,
      RebuildCommand.class,
      ReplayCommand.class,
      WhatIfCommand.class,
      CalibrateCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Impactsim implements Runnable {
  @Mixin ConnectionOptions connection;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The connection options, wherever on the command line they were given. */
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the command line with impactsim's error handling. */
  public static CommandLine commandLine() {
    GeneratedRecords.trust();
    CommandLine cli = new CommandLine(new Impactsim());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
