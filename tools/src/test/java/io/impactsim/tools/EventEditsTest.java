package io.impactsim.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.serde.GeneratedRecords;
import io.impactsim.views.Events;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a replay keeps, leaves out and changes while copying the log. */
class EventEditsTest {
  @BeforeAll
  static void trustGeneratedRecords() {
    GeneratedRecords.trust();
  }

  private static final DealAnnounced EARLY =
      Events.deal("early", Instant.parse("2025-10-30T00:00:00Z"), "openai", "amazon", 1).build();
  private static final DealAnnounced LATE =
      Events.deal("late", Instant.parse("2025-10-31T00:00:01Z"), "openai", "amazon", 1).build();

  @Test
  void asOfKeepsEventsAtOrBeforeTheCutOff() {
    EventEdits edits = EventEdits.asOf(Instant.parse("2025-10-31T00:00:00Z"));

    assertThat(edits.apply(EARLY)).contains(EARLY);
    assertThat(edits.apply(LATE)).isEmpty();
  }

  @Test
  void removedEventsAreLeftOutAndAmendedOnesChanged() {
    EventEdits edits =
        new EventEdits(
            Optional.empty(),
            Set.of("early"),
            Map.of("late", List.of(new Amendment("valueUsd", "7"))),
            List.of());

    assertThat(edits.apply(EARLY)).isEmpty();
    assertThat(edits.apply(LATE))
        .hasValueSatisfying(d -> assertThat(((DealAnnounced) d).getValueUsd()).isEqualTo(7L));
    assertThat(edits.namedEventIds()).containsExactly("early", "late");
  }

  @Test
  void anEventCannotBeBothRemovedAndAmended() {
    assertThatThrownBy(
            () ->
                new EventEdits(
                    Optional.empty(),
                    Set.of("early"),
                    Map.of("early", List.of(new Amendment("valueUsd", "7"))),
                    List.of()))
        .hasMessageContaining("both removed and amended: [early]");
  }
}
