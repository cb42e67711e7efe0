package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CzechHolidaysTest {

  @ParameterizedTest(name = "Easter Sunday {0} is {1}")
  @CsvSource({
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2030, 2030-04-21",
    "2038, 2038-04-25", // latest possible date
    "2285, 2285-03-22", // earliest possible date
    "2000, 2000-04-23",
  })
  void easterSundayIsComputedForAnyYear(int year, LocalDate easter) {
    assertThat(CzechHolidays.easterSunday(year)).isEqualTo(easter);
  }

  @ParameterizedTest(name = "{0}: Good Friday {1}, Easter Monday {2}")
  @CsvSource({
    "2024, 2024-03-29, 2024-04-01",
    "2025, 2025-04-18, 2025-04-21",
    "2026, 2026-04-03, 2026-04-06",
    "2027, 2027-03-26, 2027-03-29",
  })
  void goodFridayAndEasterMondayAreHolidaysDerivedFromEaster(int year, LocalDate goodFriday, LocalDate easterMonday) {
    assertThat(CzechHolidays.goodFriday(year)).isEqualTo(goodFriday);
    assertThat(CzechHolidays.easterMonday(year)).isEqualTo(easterMonday);
    assertThat(CzechHolidays.isHoliday(goodFriday)).isTrue();
    assertThat(CzechHolidays.isHoliday(easterMonday)).isTrue();
    assertThat(CzechHolidays.isHoliday(CzechHolidays.easterSunday(year).minusDays(3))).as("Maundy Thursday").isFalse();
    assertThat(CzechHolidays.isHoliday(easterMonday.plusDays(1))).isFalse();
  }

  @Test
  void thirteenHolidaysIn2026IncludingAllFixedOnes() {
    assertThat(CzechHolidays.holidaysOf(2026)).containsExactly(
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 3),
        LocalDate.of(2026, 4, 6),
        LocalDate.of(2026, 5, 1),
        LocalDate.of(2026, 5, 8),
        LocalDate.of(2026, 7, 5),
        LocalDate.of(2026, 7, 6),
        LocalDate.of(2026, 9, 28),
        LocalDate.of(2026, 10, 28),
        LocalDate.of(2026, 11, 17),
        LocalDate.of(2026, 12, 24),
        LocalDate.of(2026, 12, 25),
        LocalDate.of(2026, 12, 26));
  }

  @ParameterizedTest
  @CsvSource({"01-01", "05-01", "05-08", "07-05", "07-06", "09-28", "10-28", "11-17", "12-24", "12-25", "12-26"})
  void fixedHolidaysRecurEveryYear(String monthDay) {
    for (int year = 2020; year <= 2040; year++) {
      assertThat(CzechHolidays.isHoliday(LocalDate.parse(year + "-" + monthDay))).as("%s-%s", year, monthDay).isTrue();
    }
  }

  @Test
  void ordinaryDaysAroundTheHolidaysAreNotHolidays() {
    assertThat(CzechHolidays.isHoliday(LocalDate.of(2026, 12, 23))).isFalse();
    assertThat(CzechHolidays.isHoliday(LocalDate.of(2026, 12, 27))).isFalse();
    assertThat(CzechHolidays.isHoliday(LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(CzechHolidays.isHoliday(LocalDate.of(2026, 1, 2))).isFalse();
    assertThat(CzechHolidays.isHoliday(LocalDate.of(2026, 5, 7))).isFalse();
  }
}
