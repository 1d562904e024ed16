package io.impactsim.streams.capex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void valueWithoutTermFallsInTheStartYear() {
    assertThat(Schedule.byYear(100L, null, LocalDate.of(2025, 12, 31)))
        .containsExactly(Map.entry(2025, 100L));
  }

  @Test
  void remainderDollarsGoToTheFirstMonthsSoYearsAddUpExactly() {
    // 10 dollars over 3 months from December: 4 in December, 3 + 3 in the new year.
    assertThat(Schedule.byYear(10L, 3, LocalDate.of(2025, 12, 1)))
        .containsExactly(Map.entry(2025, 4L), Map.entry(2026, 6L));
  }
}
