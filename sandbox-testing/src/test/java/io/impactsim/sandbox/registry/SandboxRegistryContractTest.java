package io.impactsim.sandbox.registry;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import org.junit.jupiter.api.BeforeEach;

/** The registry contract against the sandbox registry of the shared test environment. */
@KafkaSandboxTest
class SandboxRegistryContractTest extends SchemaRegistryContract {
  private KafkaEnvironment environment;

  @BeforeEach
  void environment(KafkaEnvironment environment) {
    this.environment = environment;
  }

  @Override
  String registryUrl() {
    return environment.schemaRegistryUrl();
  }

  @Override
  String newSubject() {
    return environment.uniqueName("contract") + "-value";
  }

  @Override
  boolean explainsIncompatibilities() {
    return true;
  }

  @Override
  boolean listsSchemasWithTheirSubjects() {
    return true;
  }

  /** Confluent's spelling. */
  @Override
  String defaultContextName() {
    return ".";
  }
}
