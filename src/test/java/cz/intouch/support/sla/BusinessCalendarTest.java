package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final ZoneOffset CET = ZoneOffset.ofHours(1);
  private static final ZoneOffset CEST = ZoneOffset.ofHours(2);

  private final BusinessCalendar calendar = BusinessCalendar.standard();

  private static ZonedDateTime prague(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PRAGUE);
  }

  private static Instant receivedInPrague(int year, int month, int day, int hour, int minute) {
    return prague(year, month, day, hour, minute).toInstant();
  }

  // --- business days ---

  @Test
  void weekdaysAreBusinessDaysWeekendsAreNot() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 6))).isTrue(); // Friday
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 7))).isFalse(); // Saturday
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 8))).isFalse(); // Sunday
  }

  @Test
  void publicHolidayOnAWeekdayIsNoBusinessDay() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 17))).isFalse(); // Tuesday
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 3))).isFalse(); // Good Friday
  }

  @Test
  void firstBusinessDayAfterFridayIsMonday() {
    assertThat(calendar.firstBusinessDayAfter(LocalDate.of(2026, 3, 6))).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void firstBusinessDayAfterThursdayBeforeGoodFridayIsTuesdayAfterEasterMonday() {
    assertThat(calendar.firstBusinessDayAfter(LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 4, 7));
  }

  @Test
  void lastBusinessDayBeforeTuesdayAfterEasterIsMaundyThursday() {
    assertThat(calendar.lastBusinessDayBefore(LocalDate.of(2026, 4, 7))).isEqualTo(LocalDate.of(2026, 4, 2));
  }

  @Test
  void operatorCanCloseTheDeskOnAnExtraDay() {
    LocalDate companyDayOff = LocalDate.of(2026, 3, 9); // Monday
    BusinessCalendar withClosure = new BusinessCalendar(PRAGUE, LocalTime.of(8, 0), LocalTime.of(16, 0), Set.of(companyDayOff));

    assertThat(withClosure.isBusinessDay(companyDayOff)).isFalse();
    assertThat(withClosure.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 3, 6, 15, 0)))
        .isEqualTo(prague(2026, 3, 10, 16, 0));
  }

  @Test
  void openingMustPrecedeClosing() {
    assertThatThrownBy(() -> new BusinessCalendar(PRAGUE, LocalTime.of(16, 0), LocalTime.of(8, 0), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- close of first business day after receipt ---

  @Test
  void seriousProblemReportedOnFriday1500MustBeStartedByMonday1600() {
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 3, 6, 15, 0)))
        .isEqualTo(prague(2026, 3, 9, 16, 0));
  }

  @Test
  void problemReportedOnSaturdayMustBeStartedByMonday1600() {
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 3, 7, 11, 0)))
        .isEqualTo(prague(2026, 3, 9, 16, 0));
  }

  @Test
  void problemReportedOnMondayAt2330MustBeStartedByTuesday1600() {
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 3, 9, 23, 30)))
        .isEqualTo(prague(2026, 3, 10, 16, 0));
  }

  @Test
  void problemReportedOnMaundyThursdayMustBeStartedByTuesdayAfterEasterMonday() {
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 4, 2, 10, 0)))
        .isEqualTo(prague(2026, 4, 7, 16, 0));
  }

  @Test
  void problemReportedOn23DecemberMustBeStartedBy28December() {
    // 24-26 Dec are holidays, 27 Dec 2026 is a Sunday
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 12, 23, 10, 0)))
        .isEqualTo(prague(2026, 12, 28, 16, 0));
  }

  @Test
  void problemReportedOnNewYearsEveMustBeStartedByFirstMondayOfTheNewYear() {
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 12, 31, 10, 0)))
        .isEqualTo(prague(2027, 1, 4, 16, 0));
  }

  @Test
  void problemReportedTheDayBefore17NovemberSkipsTheHoliday() {
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 11, 16, 10, 0)))
        .isEqualTo(prague(2026, 11, 18, 16, 0));
  }

  @Test
  void dayOfReceiptIsThePragueDayNotTheUtcDay() {
    // Thursday 23:30 UTC is already Friday 00:30 in Prague
    Instant receivedAt = Instant.parse("2026-11-26T23:30:00Z");

    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedAt)).isEqualTo(prague(2026, 11, 30, 16, 0));
  }

  @Test
  void deadlineIsInPragueTimeWithTheRightOffsetInSummerAndWinter() {
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 7, 7, 9, 0)).getOffset()).isEqualTo(CEST);
    assertThat(calendar.closeOfFirstBusinessDayAfter(receivedInPrague(2026, 1, 7, 9, 0)).getOffset()).isEqualTo(CET);
  }

  // --- calendar days ---

  @Test
  void lessSeriousProblemAcrossSpringForwardKeepsTheLocalTimeAndLasts167Hours() {
    Instant receivedAt = receivedInPrague(2026, 3, 25, 10, 0);

    ZonedDateTime deadline = calendar.plusCalendarDays(receivedAt, 7);

    assertThat(deadline.toOffsetDateTime()).isEqualTo("2026-04-01T10:00+02:00");
    assertThat(Duration.between(receivedAt, deadline.toInstant())).isEqualTo(Duration.ofHours(167));
  }

  @Test
  void lessSeriousProblemAcrossFallBackKeepsTheLocalTimeAndLasts169HoursEvenOnAHoliday() {
    Instant receivedAt = receivedInPrague(2026, 10, 21, 10, 0);

    ZonedDateTime deadline = calendar.plusCalendarDays(receivedAt, 7);

    // 28 October is a holiday, but calendar days do not care
    assertThat(deadline.toOffsetDateTime()).isEqualTo("2026-10-28T10:00+01:00");
    assertThat(Duration.between(receivedAt, deadline.toInstant())).isEqualTo(Duration.ofHours(169));
  }

  @Test
  void deadlineFallingIntoTheSpringForwardGapMovesToTheSameInstantAfterTheGap() {
    // 02:30 does not exist on 29 March 2026
    ZonedDateTime deadline = calendar.plusCalendarDays(receivedInPrague(2026, 3, 22, 2, 30), 7);

    assertThat(deadline.toOffsetDateTime()).isEqualTo("2026-03-29T03:30+02:00");
  }

  @Test
  void deadlineFallingIntoTheRepeatedHourOfFallBackTakesTheFirstOccurrence() {
    ZonedDateTime deadline = calendar.plusCalendarDays(receivedInPrague(2026, 10, 18, 2, 30), 7);

    assertThat(deadline.toOffsetDateTime()).isEqualTo("2026-10-25T02:30+02:00");
  }

  @Test
  void negativeDaysAreRejected() {
    assertThatThrownBy(() -> calendar.plusCalendarDays(Instant.now(), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  // --- warning before the deadline ---

  @Test
  void twoBusinessHoursBeforeTuesday1600IsTuesday1400() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 10, 16, 0), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 3, 10, 14, 0));
  }

  @Test
  void twoBusinessHoursBeforeTuesday0900IsMonday1500AcrossTheNight() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 10, 9, 0), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 3, 9, 15, 0));
  }

  @Test
  void twoBusinessHoursBeforeMonday0930IsFriday1530AcrossTheWeekend() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 9, 9, 30), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 3, 6, 15, 30));
  }

  @Test
  void twoBusinessHoursBeforeTuesdayAfterEasterAt0900IsMaundyThursday1500() {
    assertThat(calendar.minusBusinessHours(prague(2026, 4, 7, 9, 0), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 4, 2, 15, 0));
  }

  @Test
  void deadlineOnSundayCountsFromFridayClosing() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 8, 14, 0), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 3, 6, 14, 0));
  }

  @Test
  void deadlineInTheEveningCountsFromThatDaysClosing() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 10, 20, 0), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 3, 10, 14, 0));
  }

  @Test
  void deadlineEarlyInTheMorningCountsFromThePreviousBusinessDaysClosing() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 10, 6, 0), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 3, 9, 14, 0));
  }

  @Test
  void warningThatEndsExactlyAtOpeningIsGivenAtOpeningNotAtThePreviousClosing() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 9, 10, 0), Duration.ofHours(2)))
        .isEqualTo(prague(2026, 3, 9, 8, 0));
  }

  @Test
  void oneBusinessDayBeforeAWeeklyDeadlineIsTheSameTimeOnThePreviousBusinessDay() {
    assertThat(calendar.minusBusinessHours(prague(2026, 4, 1, 10, 0), Duration.ofHours(8)))
        .isEqualTo(prague(2026, 3, 31, 10, 0));
  }

  @Test
  void eightBusinessHoursBeforeMondayAfterSpringForwardIsFridaySameLocalTime() {
    ZonedDateTime deadline = prague(2026, 3, 30, 10, 0);

    ZonedDateTime warning = calendar.minusBusinessHours(deadline, Duration.ofHours(8));

    assertThat(warning.toOffsetDateTime()).isEqualTo("2026-03-27T10:00+01:00");
    assertThat(Duration.between(warning, deadline)).isEqualTo(Duration.ofHours(71));
  }

  @Test
  void deadlineOnTheSpringForwardSundayWarnsOnFriday() {
    ZonedDateTime deadline = calendar.plusCalendarDays(receivedInPrague(2026, 3, 22, 10, 0), 7);

    assertThat(deadline.toOffsetDateTime()).isEqualTo("2026-03-29T10:00+02:00");
    assertThat(calendar.minusBusinessHours(deadline, Duration.ofHours(8)).toOffsetDateTime())
        .isEqualTo("2026-03-27T08:00+01:00");
  }

  @Test
  void deadlineOnTheFallBackSundayWarnsOnFriday() {
    ZonedDateTime deadline = prague(2026, 10, 25, 2, 30);

    assertThat(calendar.minusBusinessHours(deadline, Duration.ofHours(2)).toOffsetDateTime())
        .isEqualTo("2026-10-23T14:00+02:00");
  }

  @Test
  void deadlineGivenInUtcIsInterpretedInPrague() {
    ZonedDateTime deadlineUtc = prague(2026, 3, 10, 16, 0).withZoneSameInstant(ZoneOffset.UTC);

    assertThat(calendar.minusBusinessHours(deadlineUtc, Duration.ofHours(2))).isEqualTo(prague(2026, 3, 10, 14, 0));
  }

  @Test
  void zeroWarningTimeIsTheDeadlineItself() {
    assertThat(calendar.minusBusinessHours(prague(2026, 3, 8, 14, 0), Duration.ZERO)).isEqualTo(prague(2026, 3, 8, 14, 0));
  }

  // --- business hours ---

  @Test
  void deskIsOpenFrom0800UntilJustBefore1600() {
    assertThat(calendar.isWithinBusinessHours(receivedInPrague(2026, 3, 10, 8, 0))).isTrue();
    assertThat(calendar.isWithinBusinessHours(prague(2026, 3, 10, 15, 59).plusSeconds(59).toInstant())).isTrue();
    assertThat(calendar.isWithinBusinessHours(receivedInPrague(2026, 3, 10, 16, 0))).isFalse();
    assertThat(calendar.isWithinBusinessHours(receivedInPrague(2026, 3, 10, 7, 59))).isFalse();
  }

  @Test
  void deskIsClosedOnWeekendsAndHolidays() {
    assertThat(calendar.isWithinBusinessHours(receivedInPrague(2026, 3, 7, 10, 0))).isFalse();
    assertThat(calendar.isWithinBusinessHours(receivedInPrague(2026, 11, 17, 10, 0))).isFalse();
  }

  @Test
  void businessHoursFollowPragueSummerTime() {
    assertThat(calendar.isWithinBusinessHours(Instant.parse("2026-07-07T06:30:00Z"))).isTrue(); // 08:30 CEST
    assertThat(calendar.isWithinBusinessHours(Instant.parse("2026-07-07T05:30:00Z"))).isFalse(); // 07:30 CEST
    assertThat(calendar.isWithinBusinessHours(Instant.parse("2026-01-07T07:30:00Z"))).isTrue(); // 08:30 CET
  }
}
