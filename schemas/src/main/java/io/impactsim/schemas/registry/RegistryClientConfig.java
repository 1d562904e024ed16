package io.impactsim.schemas.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the registry client. The property names are Confluent's, so an existing client
 * configuration (for instance a properties file with basic-auth and TLS settings) works as it is.
 *
 * @param url base URL of the registry's Confluent-compatible API
 * @param userInfo {@code user:password} for HTTP basic auth, if any
 * @param tls trust and key stores for HTTPS, if any beyond the JVM defaults
 * @param requestTimeout timeout of one HTTP request
 */
public record RegistryClientConfig(
    String url, Optional<String> userInfo, Optional<TlsSettings> tls, Duration requestTimeout) {

  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  public RegistryClientConfig {
    Objects.requireNonNull(url, "schema registry url");
    url = url.strip();
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    if (url.contains(",")) {
      throw new IllegalArgumentException(
          "schema registry url '" + url + "' lists several servers; give exactly one");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "schema registry url must start with http:// or https://, got '" + url + "'");
    }
  }

  /** A client of the registry at {@code url}, without auth or custom TLS settings. */
  public static RegistryClientConfig of(String url) {
    return new RegistryClientConfig(
        url, Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
  }

  /** Reads the Confluent-named settings from client properties; {@code url} wins if not null. */
  public static RegistryClientConfig fromProperties(String url, Map<String, ?> props) {
    String effectiveUrl = url != null ? url : string(props, URL);
    if (effectiveUrl == null) {
      throw new IllegalArgumentException("no schema registry url given (" + URL + ")");
    }
    String source = Optional.ofNullable(string(props, BASIC_AUTH_SOURCE)).orElse("USER_INFO");
    Optional<String> userInfo = Optional.ofNullable(string(props, BASIC_AUTH_USER_INFO));
    if (!source.equals("USER_INFO")) {
      throw new IllegalArgumentException(
          BASIC_AUTH_SOURCE + "=" + source + " is not supported; use USER_INFO");
    }
    Optional<TlsSettings> tls = Optional.empty();
    if (string(props, TRUSTSTORE_LOCATION) != null || string(props, KEYSTORE_LOCATION) != null) {
      tls =
          Optional.of(
              new TlsSettings(
                  Optional.ofNullable(string(props, TRUSTSTORE_LOCATION)),
                  Optional.ofNullable(string(props, TRUSTSTORE_PASSWORD)),
                  Optional.ofNullable(string(props, TRUSTSTORE_TYPE)).orElse("JKS"),
                  Optional.ofNullable(string(props, KEYSTORE_LOCATION)),
                  Optional.ofNullable(string(props, KEYSTORE_PASSWORD)),
                  Optional.ofNullable(string(props, KEYSTORE_TYPE)).orElse("JKS"),
                  Optional.ofNullable(string(props, KEY_PASSWORD))));
    }
    Duration timeout =
        Optional.ofNullable(string(props, REQUEST_TIMEOUT_MS))
            .map(RegistryClientConfig::millis)
            .orElse(Duration.ofSeconds(30));
    return new RegistryClientConfig(effectiveUrl, userInfo, tls, timeout);
  }

  private static Duration millis(String value) {
    try {
      long ms = Long.parseLong(value.strip());
      if (ms <= 0) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis(ms);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          REQUEST_TIMEOUT_MS + " must be a positive number of milliseconds, got '" + value + "'");
    }
  }

  private static String string(Map<String, ?> props, String key) {
    Object v = props.get(key);
    return v == null ? null : v.toString();
  }

  /** Key and trust stores for HTTPS to the registry. */
  public record TlsSettings(
      Optional<String> truststoreLocation,
      Optional<String> truststorePassword,
      String truststoreType,
      Optional<String> keystoreLocation,
      Optional<String> keystorePassword,
      String keystoreType,
      Optional<String> keyPassword) {}
}
