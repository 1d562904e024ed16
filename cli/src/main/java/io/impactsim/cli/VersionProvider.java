package io.impactsim.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Impactsim.class.getPackage().getImplementationVersion();
    return new String[] {
      "impactsim " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version")
    };
  }
}
