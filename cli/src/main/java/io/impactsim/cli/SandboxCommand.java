package io.impactsim.cli;

import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the in-process broker and registry in the foreground until interrupted. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run a real Kafka broker (KRaft) and a Confluent-compatible schema registry in this"
          + " process, until Ctrl-C.",
      "Other commands and any Kafka client can use them: by default they listen where the"
          + " other commands look first (localhost:9092 and http://localhost:8081)."
    })
final class SandboxCommand implements Callable<Integer> {
  @Option(
      names = "--kafka-port",
      defaultValue = "${env:IMPACTSIM_SANDBOX_KAFKA_PORT:-9092}",
      description = "Broker port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--registry-port",
      defaultValue = "${env:IMPACTSIM_SANDBOX_REGISTRY_PORT:-8081}",
      description = "Schema registry port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:IMPACTSIM_SANDBOX_DATA_DIR}",
      description =
          "Directory for the broker's data (and so the registry's schemas); kept across runs."
              + " Default: a temporary directory deleted on exit.")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    SandboxOptions options =
        SandboxOptions.defaults().withBrokerPort(kafkaPort).withRegistryPort(registryPort);
    if (dataDir != null) {
      options = options.withDataDir(dataDir);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Sandbox sandbox = Sandbox.start(options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sandbox-shutdown"));
      System.out.println("Kafka bootstrap servers: " + sandbox.bootstrapServers());
      System.out.println("Schema registry URL:     " + sandbox.schemaRegistryUrl());
      System.out.println(
          "Data directory:          "
              + (dataDir == null ? "temporary (deleted on exit)" : dataDir.toAbsolutePath()));
      System.out.println("Press Ctrl-C to stop.");
      stopped.await();
    }
    return 0;
  }
}
