package io.impactsim.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that needs more than the JVM: a Kafka broker, a registry server, a browser, another
 * process or an external tool. Tagged {@value #TAG}: the build runs it in {@code verify}
 * (Failsafe), not in {@code test} (Surefire), so that {@code ./mvnw test} stays a fast loop.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {
  /** The JUnit tag of integration tests. */
  String TAG = "integration";
}
