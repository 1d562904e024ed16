package io.impactsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escapes a command into one clear line on stderr and a non-zero exit code;
 * the stack trace is printed only with {@code IMPACTSIM_DEBUG=1}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  /** Exit code of a command that failed at run time (usage errors exit with 2). */
  static final int FAILED = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println(cli.getColorScheme().errorText("impactsim: " + message));
    Throwable cause = e.getCause();
    while (cause != null) {
      if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
        cli.getErr().println("  caused by: " + cause.getMessage());
      }
      cause = cause.getCause();
    }
    if ("1".equals(System.getenv("IMPACTSIM_DEBUG"))) {
      e.printStackTrace(cli.getErr());
    }
    return FAILED;
  }
}
