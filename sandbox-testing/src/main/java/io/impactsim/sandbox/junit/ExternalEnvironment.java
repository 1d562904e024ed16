package io.impactsim.sandbox.junit;

import java.util.Map;

/**
 * A cluster and registry that run elsewhere (a compose stack, a managed service), named by
 * environment variables; nothing is started or stopped here.
 */
final class ExternalEnvironment extends SharedEnvironment {
  private final String bootstrapServers;
  private final String schemaRegistryUrl;

  ExternalEnvironment(
      String bootstrapServers, String schemaRegistryUrl, Map<String, Object> securitySettings) {
    super(securitySettings);
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  @Override
  void closeResources() {
    // The cluster belongs to whoever started it.
  }

  @Override
  public String toString() {
    return "external cluster at " + bootstrapServers + ", registry at " + schemaRegistryUrl;
  }
}
