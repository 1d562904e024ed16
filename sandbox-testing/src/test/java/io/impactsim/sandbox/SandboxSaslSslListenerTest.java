package io.impactsim.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.sandbox.junit.IntegrationTest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's SASL listener over TLS (SASL_SSL) with a self-signed certificate: clients that
 * trust it and know the password get through; a wrong password, a client that does not trust the
 * certificate and a client that speaks SASL_PLAINTEXT to it are refused.
 */
@IntegrationTest
class SandboxSaslSslListenerTest {
  private static final String STORE_PASSWORD = "store-secret";

  @TempDir static Path dir;

  private static Sandbox sandbox;
  private static SelfSignedTls tls;

  @BeforeAll
  static void start() {
    tls = SelfSignedTls.create(dir, STORE_PASSWORD);
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withSaslPlainUser("alice", "alice-secret")
                .withTls(tls.keyStore(), tls.password()));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void recordsTravelThroughTheTlsListenerWithTheRightPasswordAndTrust() throws Exception {
    Map<String, Object> client = saslSsl("alice-secret", tls);
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(List.of(new NewTopic("tls-greetings", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    Records.produce(client, "tls-greetings", Map.of("en", "hello"));

    assertThat(Records.consume(client, "tls-greetings", 1))
        .extracting(ConsumerRecord::value)
        .containsExactly("hello");
    assertThat(SaslListenerMetrics.successfulAuthentications("SASL_SSL")).isPositive();
  }

  @Test
  void aWrongPasswordIsRefusedAsAnAuthenticationFailure() {
    assertRefused(saslSsl("not-her-password", tls), SaslAuthenticationException.class);
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() {
    // A trust store of another self-signed certificate: the broker's is not in it.
    SelfSignedTls other = SelfSignedTls.create(dir.resolve("other-" + System.nanoTime()), "x12345");
    assertRefused(saslSsl("alice-secret", other), SslAuthenticationException.class);
  }

  @Test
  void tlsNeedsASaslUser() {
    assertThatThrownBy(() -> SandboxOptions.defaults().withTls(tls.keyStore(), "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SASL user");
    assertThat(tls.toString()).doesNotContain(STORE_PASSWORD);
  }

  private static void assertRefused(Map<String, Object> client, Class<? extends Exception> cause) {
    try (Admin admin = Admin.create(client)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(cause);
    }
  }

  private static Map<String, Object> saslSsl(String password, SelfSignedTls trusted) {
    Map<String, Object> client =
        new HashMap<>(
            Sandbox.saslSslClientSettings(
                "alice", password, trusted.trustStore(), trusted.password()));
    client.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, sandbox.saslBootstrapServers().orElseThrow());
    return client;
  }
}
