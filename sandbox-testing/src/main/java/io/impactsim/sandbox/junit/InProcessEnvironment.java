package io.impactsim.sandbox.junit;

import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import java.util.Map;

/** The default environment: a {@link Sandbox} broker and registry inside the test JVM. */
final class InProcessEnvironment extends SharedEnvironment {
  private final Sandbox sandbox;

  private InProcessEnvironment(Sandbox sandbox) {
    super(Map.of());
    this.sandbox = sandbox;
  }

  static InProcessEnvironment start() {
    return new InProcessEnvironment(Sandbox.start(SandboxOptions.defaults()));
  }

  @Override
  public String bootstrapServers() {
    return sandbox.bootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return sandbox.schemaRegistryUrl();
  }

  @Override
  void closeResources() {
    sandbox.close();
  }

  @Override
  public String toString() {
    return "in-process sandbox at " + bootstrapServers();
  }
}
