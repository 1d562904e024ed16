package io.impactsim.schemas.registry;

import java.util.List;

/** The answer of a compatibility check, with the registry's reasons when it is negative. */
public record CompatibilityResult(boolean compatible, List<String> messages) {
  public CompatibilityResult {
    messages = List.copyOf(messages);
  }
}
