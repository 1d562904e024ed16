package io.impactsim.cli;

import org.apache.kafka.common.errors.AuthenticationException;
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
    AuthenticationException refused = authenticationFailure(e);
    if (refused != null) {
      reportAuthenticationFailure(refused, cli);
    } else {
      reportWithCauses(e, cli);
    }
    if ("1".equals(System.getenv("IMPACTSIM_DEBUG"))) {
      e.printStackTrace(cli.getErr());
    }
    return FAILED;
  }

  private static void reportWithCauses(Exception e, CommandLine cli) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println(cli.getColorScheme().errorText("impactsim: " + message));
    Throwable cause = e.getCause();
    while (cause != null) {
      if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
        cli.getErr().println("  caused by: " + cause.getMessage());
      }
      cause = cause.getCause();
    }
  }

  /**
   * Wherever the cluster refused the client's credentials, the fix is the same: the security
   * settings, which the wrapping messages ("cannot create the input topics") do not point to.
   */
  private static void reportAuthenticationFailure(AuthenticationException e, CommandLine cli) {
    String reason = e.getMessage() == null ? "" : e.getMessage();
    reason = reason.replaceFirst("(?i)^authentication failed:?\\s*", "");
    cli.getErr()
        .println(
            cli.getColorScheme()
                .errorText(
                    "impactsim: Kafka authentication failed"
                        + (reason.isEmpty() ? "" : ": " + reason)));
    cli.getErr()
        .println(
            "  check security.protocol, sasl.mechanism and sasl.jaas.config (or the ssl.*"
                + " settings) in the --config file");
  }

  private static AuthenticationException authenticationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationException refused) {
        return refused;
      }
    }
    return null;
  }
}
