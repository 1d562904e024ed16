package io.impactsim.cli.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.cli.security.SaslCluster.Run;
import io.impactsim.sandbox.junit.IntegrationTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A wrong password in the {@code --config} file makes every command that talks to Kafka stop soon,
 * with a non-zero exit and a message that names authentication and the settings to check.
 */
@IntegrationTest
class SaslWrongPasswordTest {
  @TempDir static Path dir;

  private static SaslCluster cluster;
  private static Path wrongPassword;

  @BeforeAll
  static void startBrokerWithSaslListener() throws Exception {
    cluster = SaslCluster.start(dir, "sasl-refused");
    wrongPassword = cluster.configFile("not-the-password");
  }

  @AfterAll
  static void stopBroker() {
    cluster.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "produce --bundled",
        "streams --no-http --start-timeout PT1M --state-dir STATE",
        "tail capex --from-beginning --max-records 1",
        "reset --dry-run --state-dir STATE"
      })
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aWrongPasswordFailsSoonWithAnAuthenticationMessageAndNoStackTrace(String command) {
    String[] args = command.replace("STATE", dir.resolve("state").toString()).split(" ");

    Run run = cluster.run(wrongPassword, args);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .as(run.toString())
        .startsWith("impactsim: Kafka authentication failed: Invalid username or password")
        .contains("check security.protocol, sasl.mechanism and sasl.jaas.config")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }
}
