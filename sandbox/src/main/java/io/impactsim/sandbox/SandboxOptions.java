package io.impactsim.sandbox;

import io.impactsim.schemas.registry.CompatibilityLevel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link Sandbox}.
 *
 * @param dataDir where the broker keeps its data across runs; empty for a temporary directory
 *     deleted on close
 * @param brokerPort the broker's port on 127.0.0.1, 0 for a free one
 * @param registryPort the schema registry's port on 127.0.0.1, 0 for a free one
 * @param defaultCompatibility the registry's global compatibility until one is set through its API
 */
public record SandboxOptions(
    Optional<Path> dataDir,
    int brokerPort,
    int registryPort,
    CompatibilityLevel defaultCompatibility) {

  public SandboxOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
    checkPort("broker", brokerPort);
    checkPort("registry", registryPort);
  }

  /** Temporary data, free ports, BACKWARD compatibility (the Confluent default). */
  public static SandboxOptions defaults() {
    return new SandboxOptions(Optional.empty(), 0, 0, CompatibilityLevel.BACKWARD);
  }

  public SandboxOptions withDataDir(Path dir) {
    return new SandboxOptions(Optional.of(dir), brokerPort, registryPort, defaultCompatibility);
  }

  public SandboxOptions withBrokerPort(int port) {
    return new SandboxOptions(dataDir, port, registryPort, defaultCompatibility);
  }

  public SandboxOptions withRegistryPort(int port) {
    return new SandboxOptions(dataDir, brokerPort, port, defaultCompatibility);
  }

  public SandboxOptions withDefaultCompatibility(CompatibilityLevel level) {
    return new SandboxOptions(dataDir, brokerPort, registryPort, level);
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " port out of range: " + port);
    }
  }
}
