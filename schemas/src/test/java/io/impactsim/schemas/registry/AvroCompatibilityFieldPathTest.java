package io.impactsim.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.DealAnnounced;
import org.junit.jupiter.api.Test;

class AvroCompatibilityFieldPathTest {
  @Test
  void namesTheFieldsALocationCrosses() {
    var deal = DealAnnounced.getClassSchema();
    int value = deal.getField("valueUsd").pos();
    int accelerators = deal.getField("accelerators").pos();

    assertThat(AvroCompatibility.fieldPath(deal, "/fields/" + value + "/type/1"))
        .isEqualTo("valueUsd");
    assertThat(
            AvroCompatibility.fieldPath(
                deal, "/fields/" + accelerators + "/type/items/fields/2/type/1"))
        .isEqualTo("accelerators[].count");
    assertThat(AvroCompatibility.fieldPath(deal, "/")).isEqualTo(deal.getFullName());
  }
}
