package io.impactsim.sandbox.registry;

import static org.junit.jupiter.api.Assertions.fail;

import io.impactsim.sandbox.junit.IntegrationTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The registry contract against a real Apicurio Registry 3, to keep our client (and the sandbox
 * registry it is compared with) honest about the Confluent API.
 */
@IntegrationTest
class ApicurioRegistryContractTest extends SchemaRegistryContract {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static ApicurioRegistry apicurio;

  @BeforeAll
  static void startApicurio() throws Exception {
    Optional<Path> java = JavaRuntimes.find(ApicurioRegistry.MINIMUM_JAVA);
    if (java.isEmpty()) {
      String reason =
          "Apicurio Registry needs Java "
              + ApicurioRegistry.MINIMUM_JAVA
              + "+ and none was found; set "
              + JavaRuntimes.JAVA21_HOME
              + " to a JDK 21+ home";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason);
      }
      Assumptions.abort(reason);
    }
    apicurio = ApicurioRegistry.start(java.get());
  }

  @AfterAll
  static void stopApicurio() {
    if (apicurio != null) {
      apicurio.close();
      apicurio = null;
    }
  }

  @Override
  String registryUrl() {
    return apicurio.ccompatUrl();
  }

  @Override
  String newSubject() {
    return "contract-" + RUN + "-" + COUNTER.incrementAndGet() + "-value";
  }

  /**
   * Apicurio 3.3 answers {@code ?verbose=true} with {@code is_compatible} alone, without the {@code
   * messages} Confluent adds; its 409 on registration does carry the reasons.
   */
  @Override
  boolean explainsIncompatibilities() {
    return false;
  }

  /**
   * Apicurio 3.3 lists each schema as {@code {"schema"}} alone, without subject, version and id,
   * and ignores {@code latestOnly}.
   */
  @Override
  boolean listsSchemasWithTheirSubjects() {
    return false;
  }

  /** Apicurio 3.3 names the default context {@code ":.:"} where Confluent says {@code "."}. */
  @Override
  String defaultContextName() {
    return ":.:";
  }
}
