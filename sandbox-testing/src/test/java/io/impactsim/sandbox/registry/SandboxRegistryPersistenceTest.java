package io.impactsim.sandbox.registry;

import static io.impactsim.sandbox.registry.SchemaRegistryContract.TRADE_V1;
import static io.impactsim.sandbox.registry.SchemaRegistryContract.TRADE_V2_OPTIONAL_FIELD;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.Sandbox;
import io.impactsim.sandbox.SandboxOptions;
import io.impactsim.sandbox.junit.IntegrationTest;
import io.impactsim.schemas.registry.CompatibilityLevel;
import io.impactsim.schemas.registry.RegistryClientConfig;
import io.impactsim.schemas.registry.RestSchemaRegistry;
import io.impactsim.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas live as long as the broker's data: restarts of broker and registry lose nothing. */
@IntegrationTest
class SandboxRegistryPersistenceTest {

  @Test
  void schemasVersionsAndLevelsSurviveARestartInPlace(@TempDir Path dataDir) {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withDataDir(dataDir))) {
      // Given two versions, a second subject sharing an id, a level and a soft-deleted subject
      Registered before = registerSome(sandbox);
      String url = sandbox.schemaRegistryUrl();

      // When broker and registry restart on the same data directory
      sandbox.restart();

      // Then the registry answers on the same URL with everything it had
      assertThat(sandbox.schemaRegistryUrl()).isEqualTo(url);
      assertStillThere(client(sandbox), before);
    }
  }

  @Test
  void aNewSandboxOnTheSameDataDirServesTheSameSchemas(@TempDir Path dataDir) {
    Registered before;
    try (Sandbox first = Sandbox.start(SandboxOptions.defaults().withDataDir(dataDir))) {
      before = registerSome(first);
    }

    try (Sandbox second = Sandbox.start(SandboxOptions.defaults().withDataDir(dataDir))) {
      SchemaRegistry registry = client(second);
      assertStillThere(registry, before);

      // New schemas get new ids, never one already given out
      int next =
          registry.register(
              "fresh-value",
              SchemaRegistryContract.schema(
                  "{\"type\":\"enum\",\"name\":\"Side\",\"symbols\":[\"BUY\"]}"));
      assertThat(next).isGreaterThan(Math.max(before.v1Id(), before.v2Id()));
    }
  }

  private record Registered(int v1Id, int v2Id) {}

  private static Registered registerSome(Sandbox sandbox) {
    SchemaRegistry registry = client(sandbox);
    registry.setCompatibility("trades-value", CompatibilityLevel.FULL_TRANSITIVE);
    int v1 = registry.register("trades-value", TRADE_V1);
    int v2 = registry.register("trades-value", TRADE_V2_OPTIONAL_FIELD);
    registry.register("archive-value", TRADE_V1);
    registry.register("gone-value", TRADE_V2_OPTIONAL_FIELD);
    try {
      assertThat(
              new RegistryHttp(sandbox.schemaRegistryUrl()).delete("/subjects/gone-value").status())
          .isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Registered(v1, v2);
  }

  private static void assertStillThere(SchemaRegistry registry, Registered before) {
    assertThat(registry.subjects()).containsExactly("archive-value", "trades-value");
    assertThat(registry.versions("trades-value")).containsExactly(1, 2);
    assertThat(registry.latest("trades-value").id()).isEqualTo(before.v2Id());
    assertThat(registry.lookup("trades-value", TRADE_V1))
        .hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(before.v1Id()));
    assertThat(registry.lookup("archive-value", TRADE_V1))
        .hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(before.v1Id()));
    assertThat(registry.schemaById(before.v1Id())).isEqualTo(TRADE_V1);
    assertThat(registry.compatibility("trades-value")).contains(CompatibilityLevel.FULL_TRANSITIVE);
  }

  private static SchemaRegistry client(Sandbox sandbox) {
    return new RestSchemaRegistry(RegistryClientConfig.of(sandbox.schemaRegistryUrl()));
  }
}
