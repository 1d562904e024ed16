package io.impactsim.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the SSL context for HTTPS to the registry from Confluent-style store settings. */
final class TlsContexts {
  private TlsContexts() {}

  static SSLContext create(RegistryClientConfig.TlsSettings tls) {
    try {
      TrustManagerFactory tmf = null;
      if (tls.truststoreLocation().isPresent()) {
        KeyStore trust =
            load(tls.truststoreLocation().get(), tls.truststorePassword(), tls.truststoreType());
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      KeyManagerFactory kmf = null;
      if (tls.keystoreLocation().isPresent()) {
        KeyStore keys =
            load(tls.keystoreLocation().get(), tls.keystorePassword(), tls.keystoreType());
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        char[] keyPassword =
            tls.keyPassword().or(tls::keystorePassword).map(String::toCharArray).orElse(null);
        kmf.init(keys, keyPassword);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? null : tmf.getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "cannot set up TLS for the schema registry: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(String location, Optional<String> password, String type)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, password.map(String::toCharArray).orElse(null));
    }
    return store;
  }
}
