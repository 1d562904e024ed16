package io.impactsim.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.sandbox.junit.IntegrationTest;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's optional SASL_PLAINTEXT listener, next to its unchanged PLAINTEXT one. */
@IntegrationTest
class SandboxSaslListenerTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSaslPlainUser("alice", "alice-secret"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void saslListenerIsClosedUnlessAsked() {
    assertThat(SandboxOptions.defaults().saslPlainUser()).isEmpty();
    assertThat(sandbox.saslBootstrapServers()).isPresent();
    assertThat(sandbox.saslBootstrapServers().get()).isNotEqualTo(sandbox.bootstrapServers());
  }

  @Test
  void recordsTravelThroughTheSaslListenerWithTheRightPassword() throws Exception {
    Map<String, Object> client = sasl("alice-secret");
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(List.of(new NewTopic("sasl-greetings", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    Records.produce(client, "sasl-greetings", Map.of("en", "hello"));

    assertThat(Records.consume(client, "sasl-greetings", 1))
        .extracting(ConsumerRecord::value)
        .containsExactly("hello");
    assertThat(Records.consume(sandbox.clientProperties(), "sasl-greetings", 1))
        .extracting(ConsumerRecord::value)
        .containsExactly("hello");
  }

  @Test
  void aWrongPasswordIsRefusedAsAnAuthenticationFailure() {
    try (Admin admin = Admin.create(sasl("not-her-password"))) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("Authentication failed");
    }
  }

  @Test
  void credentialsAreCheckedBeforeTheyReachTheBrokerConfiguration() {
    assertThatThrownBy(() -> SandboxOptions.defaults().withSaslPlainUser("al ice", "pw"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SandboxOptions.defaults().withSaslPlainUser("alice", "p\"w"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SandboxOptions.SaslUser("alice", "secret").toString()).doesNotContain("secret");
  }

  private static Map<String, Object> sasl(String password) {
    Map<String, Object> client = new HashMap<>(Sandbox.saslPlainClientSettings("alice", password));
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, sandbox.saslBootstrapServers().get());
    return client;
  }
}
