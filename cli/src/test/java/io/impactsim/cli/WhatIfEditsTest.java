package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.tools.Amendment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of the what-if and as-of options. */
class WhatIfEditsTest {

  @Test
  void amendTokensAreGroupedUnderTheEventIdBeforeThem() {
    Map<String, List<Amendment>> grouped =
        WhatIfEdits.amendments(
            List.of("deal-a", "valueUsd=1", "termMonths=12", "deal-b", "notes=null"));

    assertThat(grouped)
        .containsOnlyKeys("deal-a", "deal-b")
        .containsEntry(
            "deal-a", List.of(new Amendment("valueUsd", "1"), new Amendment("termMonths", "12")))
        .containsEntry("deal-b", List.of(new Amendment("notes", "null")));
  }

  @Test
  void amendWithoutAnEventIdFirstOrWithoutAFieldIsRefused() {
    assertThatThrownBy(() -> WhatIfEdits.amendments(List.of("valueUsd=1")))
        .hasMessageContaining("event id first");
    assertThatThrownBy(() -> WhatIfEdits.amendments(List.of("deal-a", "deal-b", "valueUsd=1")))
        .hasMessageContaining("--amend deal-a names no field=value");
  }

  @Test
  void asOfAcceptsInstantsWithoutSecondsAndPlainDates() {
    assertThat(ReplayCommand.parse("2025-10-31T00:00Z"))
        .isEqualTo(Instant.parse("2025-10-31T00:00:00Z"));
    assertThat(ReplayCommand.parse("2025-10-31")).isEqualTo(Instant.parse("2025-10-31T00:00:00Z"));
    assertThatThrownBy(() -> ReplayCommand.parse("yesterday"))
        .hasMessageContaining("--as-of 'yesterday'");
  }
}
