package io.civickit.core.handoff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bank holidays in England and Wales, worked out from the standing rules: New Year's Day, Good
 * Friday, Easter Monday, the early May and spring bank holidays (first and last Mondays of May),
 * the summer bank holiday (last Monday of August), Christmas Day and Boxing Day, with substitute
 * weekdays when a holiday falls at a weekend.
 *
 * <p>One-off changes by royal proclamation (a moved early May holiday, a jubilee, a state
 * funeral) are not rules and are not here: add them with {@link OpeningHours.Builder#closedOn},
 * checking the published list at https://www.gov.uk/bank-holidays each year.
 */
public final class BankHolidays {
  private BankHolidays() {}

  /** The England and Wales bank holidays of the years {@code fromYear} to {@code toYear}, inclusive. */
  public static Set<LocalDate> englandAndWales(int fromYear, int toYear) {
    if (toYear < fromYear) {
      throw new IllegalArgumentException("toYear " + toYear + " is before fromYear " + fromYear);
    }
    Set<LocalDate> out = new TreeSet<>();
    for (int y = fromYear; y <= toYear; y++) {
      out.addAll(englandAndWales(y));
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /** The England and Wales bank holidays of one year, in date order. */
  public static List<LocalDate> englandAndWales(int year) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate newYear = LocalDate.of(year, 1, 1);
    days.add(nextWeekday(newYear));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    LocalDate christmas = LocalDate.of(year, 12, 25);
    LocalDate christmasObserved = nextWeekday(christmas);
    days.add(christmasObserved);
    LocalDate boxing = nextWeekday(LocalDate.of(year, 12, 26));
    if (!boxing.isAfter(christmasObserved)) {
      boxing = nextWeekday(christmasObserved.plusDays(1));
    }
    days.add(boxing);
    return List.copyOf(days);
  }

  private static LocalDate nextWeekday(LocalDate d) {
    LocalDate x = d;
    while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
      x = x.plusDays(1);
    }
    return x;
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
