package io.impactsim.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.serde.GeneratedRecords;
import io.impactsim.views.Events;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Amendments convert text to the field types the Avro schema declares, or say why not. */
class AmendmentTest {
  @BeforeAll
  static void trustGeneratedRecords() {
    GeneratedRecords.trust();
  }

  private static final DealAnnounced DEAL =
      Events.deal("d-1", Instant.parse("2025-11-03T12:00:00Z"), "openai", "amazon", 38_000_000_000L)
          .build();

  @Test
  void valuesAreConvertedToTheTypeTheSchemaDeclares() {
    DealAnnounced amended =
        Amendment.parse("valueUsd=20000000000")
            .applyTo(
                Amendment.parse("termMonths=84")
                    .applyTo(
                        Amendment.parse("startDate=2026-01-01")
                            .applyTo(
                                Amendment.parse("kind=chip_supply")
                                    .applyTo(Amendment.parse("capacityGw=1.5").applyTo(DEAL)))));

    assertThat(amended.getValueUsd()).isEqualTo(20_000_000_000L);
    assertThat(amended.getTermMonths()).isEqualTo(84);
    assertThat(amended.getStartDate()).isEqualTo(LocalDate.parse("2026-01-01"));
    assertThat(amended.getKind()).isEqualTo(DealKind.CHIP_SUPPLY);
    assertThat(amended.getCapacityGw()).isEqualTo(1.5);
    assertThat(DEAL.getValueUsd()).isEqualTo(38_000_000_000L);
  }

  @Test
  void nestedFieldsAreAddressedWithDotsAndNullClearsOptionalOnes() {
    DealAnnounced amended =
        Amendment.parse("meta.occurredAt=2025-12-01T00:00:00Z")
            .applyTo(Amendment.parse("valueUsd=null").applyTo(DEAL));

    assertThat(amended.getMeta().getOccurredAt()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
    assertThat(amended.getMeta().getEventId()).isEqualTo("d-1");
    assertThat(amended.getValueUsd()).isNull();
  }

  @Test
  void unknownFieldsAndValuesOfTheWrongTypeAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Amendment.parse("value=1").applyTo(DEAL))
        .hasMessageContaining("DealAnnounced has no field 'value'");
    assertThatThrownBy(() -> Amendment.parse("valueUsd=lots").applyTo(DEAL))
        .hasMessageContaining("cannot set valueUsd='lots': expected a whole number");
    assertThatThrownBy(() -> Amendment.parse("kind=LOAN").applyTo(DEAL))
        .hasMessageContaining("expected one of [CLOUD_CAPACITY");
    assertThatThrownBy(() -> Amendment.parse("buyer=null").applyTo(DEAL))
        .hasMessageContaining("the field is not optional");
    assertThatThrownBy(() -> Amendment.parse("valueUsd")).hasMessageContaining("field=value");
  }
}
