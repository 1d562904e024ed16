package io.impactsim.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml as the AsyncAPI CLI sees it: {@code asyncapi validate} passes without errors
 * or warnings, and every Avro payload stands alone for the CLI's Avro schema parser. The CLI comes
 * from npm ({@code .ci/run} installs it); {@code IMPACTSIM_ASYNCAPI_CLI} points at the {@code
 * node_modules/.bin/asyncapi} of such an install, by default {@value #DEFAULT_CLI} under the home
 * directory.
 */
@Tag("integration")
class AsyncApiCliValidationTest {
  static final String CLI_VERSION = "4.1.1";
  static final String DEFAULT_CLI =
      ".cache/impactsim/asyncapi-cli-" + CLI_VERSION + "/node_modules/.bin/asyncapi";
  private static final Path DOCUMENT =
      Path.of("..", "docs", "asyncapi.yaml").toAbsolutePath().normalize();
  private static Path cli;

  @BeforeAll
  static void findCli() {
    String configured = System.getenv("IMPACTSIM_ASYNCAPI_CLI");
    cli =
        configured == null || configured.isBlank()
            ? Path.of(System.getProperty("user.home")).resolve(DEFAULT_CLI)
            : Path.of(configured);
    if (!Files.isExecutable(cli)) {
      String reason =
          "The AsyncAPI CLI is not at "
              + cli
              + "; install it with `npm install --prefix ~/.cache/impactsim/asyncapi-cli-"
              + CLI_VERSION
              + " @asyncapi/cli@"
              + CLI_VERSION
              + "` (as .ci/run does) or set IMPACTSIM_ASYNCAPI_CLI to its asyncapi executable";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason);
      }
      Assumptions.abort(reason);
    }
  }

  @Test
  void theCliFindsNoErrorsOrWarnings() throws Exception {
    Result result =
        run(List.of(cli.toString(), "validate", DOCUMENT.toString(), "--fail-severity=warn"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    // Diagnostic lines read "line:col  error  rule  message"; the summary says "0 errors".
    assertThat(result.output())
        .contains("is valid")
        .doesNotContain(" error ")
        .doesNotContain(" warning ");
  }

  @Test
  void everyAvroPayloadResolvesWithoutTheSharedTypesFiles() throws Exception {
    // node_modules/.bin/asyncapi: its node_modules holds the CLI's parser and Avro schema parser.
    Path modules = cli.toAbsolutePath().getParent().getParent();
    Path script = Path.of("src", "test", "resources", "asyncapi", "validate-avro-payloads.js");

    Result result =
        run(List.of("node", script.toString(), modules.toString(), DOCUMENT.toString()));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(" checked, 0 invalid");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path analytics = Path.of("target", "asyncapi-analytics.json").toAbsolutePath();
    Files.createDirectories(analytics.getParent());
    // The CLI sends usage metrics unless its config says no; a test sends nothing.
    Files.writeString(
        analytics,
        "{\"analyticsEnabled\":\"false\",\"infoMessageShown\":\"true\",\"userID\":\"impactsim-test\"}");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ASYNCAPI_METRICS_CONFIG_PATH", analytics.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("`" + String.join(" ", command) + "` did not finish within 120 s:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
