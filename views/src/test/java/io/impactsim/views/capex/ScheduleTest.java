package io.impactsim.views.capex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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

  @Test
  void aTermOfTheLongestDocumentedLengthSpreadsOverItsYears() {
    // 1,200 months from March 2025: 10 months in 2025, 99 whole years, 2 months in 2125.
    long value = 1_200_000_000_007L;
    Map<Integer, Long> years = Schedule.byYear(value, 1_200, LocalDate.of(2025, 3, 15));

    assertThat(years).hasSize(101);
    assertThat(years.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(value);
    long perMonth = value / 1_200;
    assertThat(years.get(2025)).isEqualTo(10 * perMonth + 7);
    assertThat(years.get(2026)).isEqualTo(12 * perMonth);
    assertThat(years.get(2125)).isEqualTo(2 * perMonth);
  }

  @Test
  void eachYearIsComputedAtOnceAndEqualsTheSumOfItsMonths() {
    SplittableRandom random = new SplittableRandom(20251103L);
    for (int i = 0; i < 2_000; i++) {
      long value = random.nextLong(0, 1_000_000_000_000_000L + 1);
      int term = random.nextInt(1, 1_201);
      LocalDate start = LocalDate.of(random.nextInt(1970, 2201), random.nextInt(1, 13), 1);

      assertThat(Schedule.byYear(value, term, start))
          .as("%d USD over %d months from %s", value, term, start)
          .isEqualTo(monthByMonth(value, term, start));
    }
  }

  /** The schedule as it used to be built: one month at a time. */
  private static Map<Integer, Long> monthByMonth(long value, int term, LocalDate start) {
    Map<Integer, Long> years = new TreeMap<>();
    long perMonth = value / term;
    long remainder = value % term;
    for (int month = 0; month < term; month++) {
      years.merge(
          start.plusMonths(month).getYear(), perMonth + (month < remainder ? 1 : 0), Long::sum);
    }
    return years;
  }
}
