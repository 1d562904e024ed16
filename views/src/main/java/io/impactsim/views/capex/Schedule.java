package io.impactsim.views.capex;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Spreads a contract's value over the calendar years of its term. */
public final class Schedule {
  private Schedule() {}

  /**
   * The value per calendar year, spread evenly over {@code termMonths} months from {@code start};
   * whole dollars, the remainder going one dollar a month to the first months so the years add up
   * to the value exactly. Without a term the whole value falls in the start year.
   *
   * <p>Each year is computed at once from the months of the term that fall in it, so the time taken
   * grows with the number of years, not of months.
   */
  public static Map<Integer, Long> byYear(long valueUsd, Integer termMonths, LocalDate start) {
    Map<Integer, Long> years = new TreeMap<>();
    if (termMonths == null || termMonths <= 0) {
      years.put(start.getYear(), valueUsd);
      return years;
    }
    long perMonth = valueUsd / termMonths;
    long remainder = valueUsd % termMonths;
    // Month m of the term (0-based) falls in the year start.getYear() + (offset + m) / 12.
    long offset = start.getMonthValue() - 1L;
    long lastMonth = termMonths - 1L;
    for (long year = 0; 12 * year - offset <= lastMonth; year++) {
      long first = Math.max(0, 12 * year - offset);
      long last = Math.min(lastMonth, 12 * year + 11 - offset);
      long months = last - first + 1;
      long withExtraDollar = Math.max(0, Math.min(last, remainder - 1) - first + 1);
      years.put(Math.toIntExact(start.getYear() + year), months * perMonth + withExtraDollar);
    }
    return years;
  }
}
