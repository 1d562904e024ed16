package io.impactsim.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the shared Kafka broker and schema registry of {@link
 * KafkaSandboxExtension}. It is tagged {@value IntegrationTest#TAG}: {@code ./mvnw test} leaves it
 * out, {@code ./mvnw verify} runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@ExtendWith(KafkaSandboxExtension.class)
public @interface KafkaSandboxTest {}
