package io.impactsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.RestructuringKind;
import io.impactsim.schemas.avro.ValueQualifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactModelConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsCoverEveryQualifierAndKind() {
    ImpactModelConfig config = ImpactModelConfig.defaults();

    for (ValueQualifier q : ValueQualifier.values()) {
      assertThat(config.deal().qualifierWeight(q)).isBetween(0.0, 1.0);
    }
    for (RestructuringKind kind : RestructuringKind.values()) {
      assertThat(config.restructuring().effect(kind)).isNotNull();
    }
    assertThat(config.deal().sizeExponent()).isBetween(0.0, 1.0);
    assertThat(config.deal().implied().priceOf("h100")).isEqualTo(30_000);
    assertThat(config.bandZ()).isEqualTo(1.645);
  }

  @Test
  void userFileOverridesOnlyTheParametersItNames() throws IOException {
    Path file = dir.resolve("my-model.properties");
    Files.writeString(file, "deal.size_coefficient=0.3\nmodel.version=mine\n");

    ImpactModelConfig config = ImpactModelConfig.load(file);

    assertThat(config.deal().sizeCoefficient()).isEqualTo(0.3);
    assertThat(config.modelVersion()).isEqualTo("mine");
    assertThat(config.earnings()).isEqualTo(ImpactModelConfig.defaults().earnings());
  }

  @Test
  void misspeltParameterIsRefusedWithItsName() throws IOException {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "deal.size_elastcity=0.3\n");

    assertThatThrownBy(() -> ImpactModelConfig.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal.size_elastcity");
  }

  @Test
  void nonNumericValueIsRefusedWithItsKey() throws IOException {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "band.z=wide\n");

    assertThatThrownBy(() -> ImpactModelConfig.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("band.z");
  }
}
