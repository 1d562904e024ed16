package io.impactsim.streams.capex;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Spreads a contract's value over the calendar years of its term, month by month. */
public final class Schedule {
  private Schedule() {}

  /**
   * The value per calendar year, spread evenly over {@code termMonths} months from {@code start};
   * whole dollars, the remainder going one dollar a month to the first months so the years add up
   * to the value exactly. Without a term the whole value falls in the start year.
   */
  public static Map<Integer, Long> byYear(long valueUsd, Integer termMonths, LocalDate start) {
    Map<Integer, Long> years = new TreeMap<>();
    if (termMonths == null || termMonths <= 0) {
      years.put(start.getYear(), valueUsd);
      return years;
    }
    long perMonth = valueUsd / termMonths;
    long remainder = valueUsd % termMonths;
    for (int month = 0; month < termMonths; month++) {
      long amount = perMonth + (month < remainder ? 1 : 0);
      years.merge(start.plusMonths(month).getYear(), amount, Long::sum);
    }
    return years;
  }
}
