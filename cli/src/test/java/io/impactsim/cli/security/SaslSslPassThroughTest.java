package io.impactsim.cli.security;

import io.impactsim.sandbox.junit.IntegrationTest;
import java.nio.file.Path;

/**
 * The commands of {@link SaslPassThroughTest} against a broker whose only address they are given
 * speaks SASL_SSL: TLS with a self-signed certificate that the {@code --config} file's trust store
 * holds ({@code ssl.truststore.*}), host name verified, then SASL/PLAIN.
 */
@IntegrationTest
class SaslSslPassThroughTest extends SaslPassThroughTest {
  @Override
  SaslCluster startCluster(Path dir) {
    return SaslCluster.startTls(dir, "sasl");
  }
}
