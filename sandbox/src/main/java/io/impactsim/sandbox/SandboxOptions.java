package io.impactsim.sandbox;

import io.impactsim.schemas.registry.CompatibilityLevel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to start a {@link Sandbox}.
 *
 * @param dataDir where the broker keeps its data across runs; empty for a temporary directory
 *     deleted on close
 * @param brokerPort the broker's port on 127.0.0.1, 0 for a free one
 * @param registryPort the schema registry's port on 127.0.0.1, 0 for a free one
 * @param defaultCompatibility the registry's global compatibility until one is set through its API
 * @param saslPlainUser if present, the broker also opens a SASL_PLAINTEXT listener on a free port
 *     that accepts this one user with the PLAIN mechanism; the PLAINTEXT listener stays as it is
 * @param tls if present, that SASL listener speaks TLS (SASL_SSL) with this key store
 */
public record SandboxOptions(
    Optional<Path> dataDir,
    int brokerPort,
    int registryPort,
    CompatibilityLevel defaultCompatibility,
    Optional<SaslUser> saslPlainUser,
    Optional<KeyStore> tls) {

  public SandboxOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
    Objects.requireNonNull(saslPlainUser, "saslPlainUser");
    Objects.requireNonNull(tls, "tls");
    if (tls.isPresent() && saslPlainUser.isEmpty()) {
      throw new IllegalArgumentException("TLS is for the SASL listener: give a SASL user too");
    }
    checkPort("broker", brokerPort);
    checkPort("registry", registryPort);
  }

  /** Temporary data, free ports, BACKWARD compatibility (the Confluent default), no SASL. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(
        Optional.empty(), 0, 0, CompatibilityLevel.BACKWARD, Optional.empty(), Optional.empty());
  }

  public SandboxOptions withDataDir(Path dir) {
    return new SandboxOptions(
        Optional.of(dir), brokerPort, registryPort, defaultCompatibility, saslPlainUser, tls);
  }

  public SandboxOptions withBrokerPort(int port) {
    return new SandboxOptions(
        dataDir, port, registryPort, defaultCompatibility, saslPlainUser, tls);
  }

  public SandboxOptions withRegistryPort(int port) {
    return new SandboxOptions(dataDir, brokerPort, port, defaultCompatibility, saslPlainUser, tls);
  }

  public SandboxOptions withDefaultCompatibility(CompatibilityLevel level) {
    return new SandboxOptions(dataDir, brokerPort, registryPort, level, saslPlainUser, tls);
  }

  /** Also opens a SASL_PLAINTEXT listener (mechanism PLAIN) that accepts this user. */
  public SandboxOptions withSaslPlainUser(String name, String password) {
    return new SandboxOptions(
        dataDir,
        brokerPort,
        registryPort,
        defaultCompatibility,
        Optional.of(new SaslUser(name, password)),
        tls);
  }

  /**
   * The SASL listener speaks TLS (SASL_SSL) with this PKCS12 key store, for example one from {@link
   * SelfSignedTls#create}; needs {@link #withSaslPlainUser}.
   */
  public SandboxOptions withTls(Path keyStore, String password) {
    return new SandboxOptions(
        dataDir,
        brokerPort,
        registryPort,
        defaultCompatibility,
        saslPlainUser,
        Optional.of(new KeyStore(keyStore, password)));
  }

  /** A PKCS12 key store holding the broker's private key and certificate. */
  public record KeyStore(Path path, String password) {
    public KeyStore {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "KeyStore[path=" + path + ", password=***]";
    }
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " port out of range: " + port);
    }
  }

  /**
   * A user of the SASL/PLAIN listener. The name becomes part of a broker setting's key and both are
   * quoted in a JAAS line, hence the restricted characters.
   */
  public record SaslUser(String name, String password) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public SaslUser {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(password, "password");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "SASL user name must be letters, digits, '.', '_' or '-': '" + name + "'");
      }
      if (password.isEmpty() || password.chars().anyMatch(c -> c == '"' || c == '\\' || c < 32)) {
        throw new IllegalArgumentException(
            "SASL password must be non-empty, without quotes, backslashes or control characters");
      }
    }

    @Override
    public String toString() {
      return "SaslUser[name=" + name + ", password=***]";
    }
  }
}
