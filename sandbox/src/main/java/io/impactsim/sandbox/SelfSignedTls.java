package io.impactsim.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's own {@code keytool}: a
 * PKCS12 key store for the broker's TLS listener and a trust store holding only that certificate
 * for its clients. For local and test clusters only.
 *
 * @param keyStore the broker's private key and certificate
 * @param trustStore the certificate alone, for clients
 * @param password the password of both stores
 */
public record SelfSignedTls(Path keyStore, Path trustStore, String password) {

  /**
   * Creates both stores in {@code dir} (created if missing), valid for a few days; keytool wants a
   * password of at least six characters.
   */
  public static SelfSignedTls create(Path dir, String password) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    Path keyStore = dir.resolve("sandbox-broker.p12");
    Path certificate = dir.resolve("sandbox-broker.crt");
    Path trustStore = dir.resolve("sandbox-truststore.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "7",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password);
    keytool(
        "-exportcert",
        "-alias",
        "broker",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-rfc",
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "sandbox-broker",
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        password);
    return new SelfSignedTls(keyStore, trustStore, password);
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + args[0] + " did not finish within 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "keytool " + args[0] + " failed (exit " + process.exitValue() + "): " + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the JDK's keytool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }

  @Override
  public String toString() {
    return "SelfSignedTls[keyStore=" + keyStore + ", trustStore=" + trustStore + ", password=***]";
  }
}
