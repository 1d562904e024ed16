package io.impactsim.cli.security;

import io.impactsim.cli.Impactsim;
import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.sandbox.SelfSignedTls;
import io.impactsim.topics.config.KafkaSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import picocli.CommandLine;

/**
 * A private sandbox whose broker also listens with SASL/PLAIN (over TLS with {@link #startTls}),
 * and the {@code impactsim} command pointed only at that listener, with the credentials (and the
 * trust store) given only in a {@code --config} file.
 */
final class SaslCluster implements AutoCloseable {
  static final String USER = "impactsim-user";
  static final String PASSWORD = "s3cret-for-tests";

  private final Sandbox sandbox;
  private final Path dir;
  private final String prefix;
  private final Optional<SelfSignedTls> tls;

  private SaslCluster(Sandbox sandbox, Path dir, String prefix, Optional<SelfSignedTls> tls) {
    this.sandbox = sandbox;
    this.dir = dir;
    this.prefix = prefix;
    this.tls = tls;
  }

  /** SASL_PLAINTEXT. */
  static SaslCluster start(Path dir, String prefix) {
    return new SaslCluster(
        Sandbox.start(SandboxOptions.defaults().withSaslPlainUser(USER, PASSWORD)),
        dir,
        prefix,
        Optional.empty());
  }

  /** SASL_SSL, with a self-signed certificate the clients' trust store holds. */
  static SaslCluster startTls(Path dir, String prefix) {
    SelfSignedTls tls = SelfSignedTls.create(dir.resolve("tls"), "tls-store-secret");
    return new SaslCluster(
        Sandbox.start(
            SandboxOptions.defaults()
                .withSaslPlainUser(USER, PASSWORD)
                .withTls(tls.keyStore(), tls.password())),
        dir,
        prefix,
        Optional.of(tls));
  }

  /** The listener's name, as the broker's metrics give it. */
  String listener() {
    return tls.isPresent() ? "SASL_SSL" : "SASL_PLAINTEXT";
  }

  String saslBootstrapServers() {
    return sandbox.saslBootstrapServers().orElseThrow();
  }

  /** A Kafka client properties file with these credentials, as a user would write it. */
  Path configFile(String password) throws IOException {
    Properties props = new Properties();
    props.putAll(
        tls.map(t -> Sandbox.saslSslClientSettings(USER, password, t.trustStore(), t.password()))
            .orElseGet(() -> Sandbox.saslPlainClientSettings(USER, password)));
    Path file = Files.createTempFile(dir, "client-", ".properties");
    try (var out = Files.newBufferedWriter(file)) {
      props.store(out, null);
    }
    return file;
  }

  /** The global options: the SASL listener is the only broker address the command is given. */
  List<String> connectionArgs(Path config) {
    return List.of(
        "--bootstrap-servers=" + saslBootstrapServers(),
        "--schema-registry-url=" + sandbox.schemaRegistryUrl(),
        "--config=" + config,
        "--topic-prefix=" + prefix);
  }

  /** The settings the command builds from {@link #connectionArgs}, for clients a test runs. */
  KafkaSettings settingsFromCommandLine(Path config) {
    CommandLine cli = Impactsim.commandLine();
    cli.parseArgs(connectionArgs(config).toArray(String[]::new));
    return ((Impactsim) cli.getCommand()).connection().settings();
  }

  /** Runs {@code impactsim <connection args> <args>}, capturing what it prints. */
  Run run(Path config, String... args) {
    List<String> all = new ArrayList<>(connectionArgs(config));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      CommandLine cli = Impactsim.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      exit = cli.execute(all.toArray(String[]::new));
    } finally {
      System.setOut(originalOut);
    }
    return new Run(exit, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
  }

  /**
   * How many clients the broker has authenticated on its SASL listener so far, from the broker's
   * own socket-server metrics (the broker runs in this JVM).
   */
  long saslAuthentications() throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName pattern =
        new ObjectName(
            "kafka.server:type=socket-server-metrics,listener="
                + listener()
                + ",networkProcessor=*");
    long total = 0;
    for (ObjectName name : server.queryNames(pattern, null)) {
      total += ((Number) server.getAttribute(name, "successful-authentication-total")).longValue();
    }
    return total;
  }

  @Override
  public void close() {
    sandbox.close();
  }

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }
}
