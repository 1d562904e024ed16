package io.impactsim.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.testing.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventSelectionTest {
  private static final Instant T0 = Instant.parse("2025-11-03T00:00:00Z");
  private final List<InputEvent> events = Events.deals(5, T0);

  @Test
  void fromIsInclusiveAndToIsExclusive() {
    Iterable<InputEvent> window =
        EventSelection.between(
            events, Optional.of(T0.plusSeconds(3600)), Optional.of(T0.plusSeconds(3 * 3600)));

    assertThat(ids(window)).containsExactly("deal-1", "deal-2");
  }

  @Test
  void resumingStartsAtTheNamedEvent() {
    assertThat(ids(EventSelection.resumeFrom(events, "deal-3")))
        .containsExactly("deal-3", "deal-4");
  }

  @Test
  void resumingFromAnUnknownEventFailsInsteadOfPublishingNothing() {
    assertThatThrownBy(() -> ids(EventSelection.resumeFrom(events, "deal-9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--resume-from deal-9");
  }

  @Test
  void anEmptyWindowIsRefused() {
    assertThatThrownBy(() -> EventSelection.between(events, Optional.of(T0), Optional.of(T0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> ids(Iterable<InputEvent> events) {
    List<String> out = new ArrayList<>();
    events.forEach(e -> out.add(e.eventId()));
    return out;
  }
}
