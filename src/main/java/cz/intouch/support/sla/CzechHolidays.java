package cz.intouch.support.sla;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Czech public holidays (state holidays and other holidays under Act No. 245/2000 Coll.) as used by
 * the support policy: no business day falls on any of them.
 */
public final class CzechHolidays {

  private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

  private CzechHolidays() {}

  /** Whether the day is a Czech public holiday, regardless of the day of week. */
  public static boolean isHoliday(LocalDate day) {
    return holidaysOf(day.getYear()).contains(day);
  }

  /** All thirteen holidays of the year, in chronological order; the set is unmodifiable. */
  public static Set<LocalDate> holidaysOf(int year) {
    return CACHE.computeIfAbsent(year, CzechHolidays::compute);
  }

  /**
   * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), so the movable holidays
   * never depend on a hand-maintained list.
   */
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
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  public static LocalDate goodFriday(int year) {
    return easterSunday(year).minusDays(2);
  }

  public static LocalDate easterMonday(int year) {
    return easterSunday(year).plusDays(1);
  }

  private static Set<LocalDate> compute(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));   // Restoration of the independent Czech state, New Year
    days.add(goodFriday(year));
    days.add(easterMonday(year));
    days.add(LocalDate.of(year, Month.MAY, 1));       // Labour Day
    days.add(LocalDate.of(year, Month.MAY, 8));       // Liberation Day
    days.add(LocalDate.of(year, Month.JULY, 5));      // Saints Cyril and Methodius
    days.add(LocalDate.of(year, Month.JULY, 6));      // Jan Hus
    days.add(LocalDate.of(year, Month.SEPTEMBER, 28)); // Czech Statehood Day
    days.add(LocalDate.of(year, Month.OCTOBER, 28));  // Independent Czechoslovak State Day
    days.add(LocalDate.of(year, Month.NOVEMBER, 17)); // Struggle for Freedom and Democracy Day
    days.add(LocalDate.of(year, Month.DECEMBER, 24));
    days.add(LocalDate.of(year, Month.DECEMBER, 25));
    days.add(LocalDate.of(year, Month.DECEMBER, 26));
    return Collections.unmodifiableSet(days);
  }
}
