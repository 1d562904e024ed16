package io.impactsim.sandbox.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link KafkaEnvironment}: declare a parameter of that type in a test, lifecycle
 * method or constructor of a class annotated {@code @KafkaSandboxTest}.
 *
 * <p>One environment serves the whole test run of a JVM; it is kept in the root context's store,
 * which closes it when the run ends. Which kind it is depends on {@link EnvironmentChooser}.
 */
public final class KafkaSandboxExtension implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(KafkaSandboxExtension.class);
  private static final String KEY = "environment";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaEnvironment.class;
  }

  @Override
  public KafkaEnvironment resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return environment(context);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(
          "cannot start the Kafka test environment: " + e.getMessage(), e);
    }
  }

  /** The environment of this test run, started on first use. */
  public static KafkaEnvironment environment(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            KEY, key -> EnvironmentChooser.fromSystem().start(), SharedEnvironment.class);
  }
}
