package io.impactsim.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.registry.RegistryClientConfig.TlsSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registry client reads Confluent's property names, so an existing client configuration file
 * works unchanged, and a setting it cannot use is refused with the name of the setting.
 */
class RegistryClientConfigTest {
  private static final String URL = "https://registry.example.com:8081";

  @Test
  void urlArgumentWinsOverTheProperty() {
    RegistryClientConfig config =
        RegistryClientConfig.fromProperties(URL, Map.of("schema.registry.url", "http://other:1"));

    assertThat(config.url()).isEqualTo(URL);
  }

  @Test
  void urlComesFromThePropertyWhenNotGiven() {
    RegistryClientConfig config =
        RegistryClientConfig.fromProperties(null, Map.of("schema.registry.url", URL + "/"));

    assertThat(config.url()).isEqualTo(URL);
  }

  @Test
  void plainPropertiesGiveNoAuthNoTlsAndTheDefaultTimeout() {
    RegistryClientConfig config = RegistryClientConfig.fromProperties(URL, Map.of());

    assertThat(config)
        .isEqualTo(
            new RegistryClientConfig(
                URL, Optional.empty(), Optional.empty(), Duration.ofSeconds(30)));
    assertThat(config).isEqualTo(RegistryClientConfig.of(URL));
  }

  @Test
  void missingUrlNamesTheProperty() {
    assertThatThrownBy(() -> RegistryClientConfig.fromProperties(null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no schema registry url given (schema.registry.url)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8081", "registry:8081", "ftp://registry", "HTTP:/registry"})
  void urlWithoutHttpSchemeIsRefusedWithTheValue(String url) {
    assertThatThrownBy(() -> RegistryClientConfig.fromProperties(url, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema registry url must start with http:// or https://, got '" + url + "'");
  }

  @Test
  void trailingSlashIsDropped() {
    assertThat(RegistryClientConfig.of("http://localhost:8081/").url())
        .isEqualTo("http://localhost:8081");
  }

  @Test
  void basicAuthUserInfoIsRead() {
    RegistryClientConfig config =
        RegistryClientConfig.fromProperties(
            URL,
            Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "impactsim:s3cret"));

    assertThat(config.userInfo()).contains("impactsim:s3cret");
  }

  @Test
  void userInfoWithoutASourceUsesIt() {
    RegistryClientConfig config =
        RegistryClientConfig.fromProperties(URL, Map.of("basic.auth.user.info", "u:p"));

    assertThat(config.userInfo()).contains("u:p");
  }

  @Test
  void otherCredentialSourcesAreRefusedByName() {
    Map<String, String> props =
        Map.of("basic.auth.credentials.source", "SASL_INHERIT", "basic.auth.user.info", "u:p");

    assertThatThrownBy(() -> RegistryClientConfig.fromProperties(URL, props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("basic.auth.credentials.source=SASL_INHERIT is not supported; use USER_INFO");
  }

  @Test
  void trustAndKeyStoresAreReadWithTheirTypes() {
    Map<String, Object> props =
        Map.of(
            "schema.registry.ssl.truststore.location", "/etc/impactsim/truststore.p12",
            "schema.registry.ssl.truststore.password", "trust-pw",
            "schema.registry.ssl.truststore.type", "PKCS12",
            "schema.registry.ssl.keystore.location", "/etc/impactsim/client.jks",
            "schema.registry.ssl.keystore.password", "key-store-pw",
            "schema.registry.ssl.key.password", "key-pw");

    RegistryClientConfig config = RegistryClientConfig.fromProperties(URL, props);

    assertThat(config.tls())
        .contains(
            new TlsSettings(
                Optional.of("/etc/impactsim/truststore.p12"),
                Optional.of("trust-pw"),
                "PKCS12",
                Optional.of("/etc/impactsim/client.jks"),
                Optional.of("key-store-pw"),
                "JKS",
                Optional.of("key-pw")));
  }

  @Test
  void truststoreAloneIsEnoughForTls() {
    RegistryClientConfig config =
        RegistryClientConfig.fromProperties(
            URL, Map.of("schema.registry.ssl.truststore.location", "/etc/ca.jks"));

    assertThat(config.tls())
        .hasValueSatisfying(
            tls -> {
              assertThat(tls.truststoreLocation()).contains("/etc/ca.jks");
              assertThat(tls.truststorePassword()).isEmpty();
              assertThat(tls.keystoreLocation()).isEmpty();
            });
  }

  @Test
  void passwordsWithoutStoreLocationsDoNotTurnOnTls() {
    RegistryClientConfig config =
        RegistryClientConfig.fromProperties(
            URL, Map.of("schema.registry.ssl.truststore.password", "unused"));

    assertThat(config.tls()).isEmpty();
  }

  @Test
  void requestTimeoutIsReadInMilliseconds() {
    RegistryClientConfig config =
        RegistryClientConfig.fromProperties(
            URL, Map.of("schema.registry.request.timeout.ms", 2_500));

    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2_500));
  }
}
