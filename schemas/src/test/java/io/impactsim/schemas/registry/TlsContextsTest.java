package io.impactsim.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.registry.RegistryClientConfig.TlsSettings;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** TLS settings of the registry client become an SSL context, or a message naming the problem. */
class TlsContextsTest {
  // The JDK's own CA store: a real truststore present wherever the tests run.
  private static final String CACERTS =
      Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toString();

  @Test
  void truststoreBecomesAnSslContext() {
    SSLContext context = TlsContexts.create(truststore(CACERTS, "changeit"));

    assertThat(context.getProtocol()).isEqualTo("TLS");
  }

  @Test
  void missingStoreFileIsReportedAsATlsSetupProblem() {
    assertThatThrownBy(() -> TlsContexts.create(truststore("/nonexistent/ca.p12", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot set up TLS for the schema registry: ")
        .hasMessageContaining("/nonexistent/ca.p12");
  }

  @Test
  void wrongStorePasswordIsReportedAsATlsSetupProblem() {
    assertThatThrownBy(() -> TlsContexts.create(truststore(CACERTS, "not-the-password")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot set up TLS for the schema registry: ");
  }

  private static TlsSettings truststore(String location, String password) {
    return new TlsSettings(
        Optional.of(location),
        Optional.of(password),
        "PKCS12",
        Optional.empty(),
        Optional.empty(),
        "JKS",
        Optional.empty());
  }
}
