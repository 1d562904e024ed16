package io.impactsim.cli.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.cli.security.SaslCluster.Run;
import io.impactsim.sandbox.junit.IntegrationTest;
import io.impactsim.serve.ServeOptions;
import io.impactsim.serve.ViewServer;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.ImpactsimStreams;
import io.impactsim.views.StreamsOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of Kafka client impactsim opens (producer, consumer, admin, Kafka Streams) reaches a
 * broker that only speaks SASL/PLAIN, with the credentials given only in the {@code --config} file;
 * here over SASL_PLAINTEXT, in {@link SaslSslPassThroughTest} over TLS.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaslPassThroughTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private Path dir;
  private SaslCluster cluster;
  private Path config;

  /** The cluster the commands run against. */
  SaslCluster startCluster(Path dir) {
    return SaslCluster.start(dir, "sasl");
  }

  @BeforeAll
  void startBrokerWithSaslListener(@TempDir Path dir) throws Exception {
    this.dir = dir;
    cluster = startCluster(dir);
    config = cluster.configFile(SaslCluster.PASSWORD);
  }

  @AfterAll
  void stopBroker() {
    cluster.close();
  }

  @Test
  @Order(1)
  void produceAuthenticatesItsAdminAndProducer() throws Exception {
    long before = cluster.saslAuthentications();

    Run run = cluster.run(config, "produce", "--bundled");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("published 14 events");
    assertThat(cluster.saslAuthentications()).isGreaterThan(before);
  }

  @Test
  @Order(2)
  void streamsApplicationAndViewServerAuthenticateWithTheCommandLineSettings() throws Exception {
    KafkaSettings settings = cluster.settingsFromCommandLine(config);
    ServeOptions serve = ServeOptions.onFreePort("127.0.0.1");
    StreamsOptions options =
        StreamsOptions.defaults()
            .withStateDir(dir.resolve("state"))
            .withOverrides(serve.streamsOverrides());
    long before = cluster.saslAuthentications();

    try (ImpactsimStreams app = new ImpactsimStreams(settings, options)) {
      app.start(TIMEOUT);
      app.awaitCaughtUp(TIMEOUT);
      try (ViewServer server = new ViewServer(app, settings, serve).start()) {
        Run query = cluster.run(config, "query", "capex", "openai", "--url", server.url());
        Run tail = cluster.run(config, "tail", "capex", "--from-beginning", "--max-records=1");

        assertThat(query.exit()).as(query.toString()).isZero();
        assertThat(query.out()).contains("openai");
        assertThat(tail.exit()).as(tail.toString()).isZero();
        assertThat(tail.out()).contains("\"key\":");
      }
    }
    assertThat(cluster.saslAuthentications()).isGreaterThan(before);
  }

  @Test
  @Order(3)
  void rebuildRunsItsOwnStreamsApplicationOverSasl() {
    Run run = cluster.run(config, "rebuild", "--state-dir", dir.resolve("state").toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Replayed 14 events", "The rebuilt views equal the live ones.");
  }

  @Test
  @Order(4)
  void resetDryRunReadsTheGroupAndTopicsOverSasl() {
    Run run = cluster.run(config, "reset", "--dry-run");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Dry run: a reset of 'sasl-views' would:");
  }
}
