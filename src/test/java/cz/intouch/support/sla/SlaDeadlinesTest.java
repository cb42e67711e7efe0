package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class SlaDeadlinesTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  private final SlaDeadlines slaDeadlines = new SlaDeadlines(BusinessCalendar.standard());

  private static ZonedDateTime prague(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PRAGUE);
  }

  private static Date pragueDate(int year, int month, int day, int hour, int minute) {
    return Date.from(prague(year, month, day, hour, minute).toInstant());
  }

  // --- typed API (triage endpoint) ---

  @Test
  void seriousProblemReportedOnFriday1500MustBeStartedByMonday1600() {
    Instant friday1500 = prague(2026, 3, 6, 15, 0).toInstant();

    assertThat(slaDeadlines.deadline(SlaRule.CLOSE_OF_NEXT_BUSINESS_DAY, null, friday1500))
        .contains(prague(2026, 3, 9, 16, 0));
  }

  @Test
  void lessSeriousProblemMustBeStartedWithinSevenCalendarDays() {
    assertThat(slaDeadlines.deadline(SlaRule.CALENDAR_DAYS, 7, prague(2026, 3, 25, 10, 0).toInstant()))
        .contains(prague(2026, 4, 1, 10, 0));
  }

  @Test
  void cosmeticDefectAndAnsweredCallHaveNoDeadline() {
    Instant now = prague(2026, 3, 6, 15, 0).toInstant();

    assertThat(slaDeadlines.deadline(SlaRule.NEXT_RELEASE, null, now)).isEmpty();
    assertThat(slaDeadlines.deadline(SlaRule.ANSWERED_IN_CALL, null, now)).isEmpty();
  }

  @Test
  void warningIsGivenTwoBusinessHoursBeforeTheDeadline() {
    assertThat(slaDeadlines.warning(prague(2026, 3, 9, 16, 0), Duration.ofHours(2))).contains(prague(2026, 3, 9, 14, 0));
  }

  @Test
  void noWarningWithoutDeadlineOrWarningTime() {
    assertThat(slaDeadlines.warning(null, Duration.ofHours(2))).isEmpty();
    assertThat(slaDeadlines.warning(prague(2026, 3, 9, 16, 0), null)).isEmpty();
  }

  // --- Date API (BPMN timer expressions) ---

  @Test
  void timerOfASeriousProblemReportedOnFridayFiresOnMonday1600() {
    assertThat(slaDeadlines.deadlineDate("CLOSE_OF_NEXT_BUSINESS_DAY", null, pragueDate(2026, 3, 6, 15, 0)))
        .isEqualTo(pragueDate(2026, 3, 9, 16, 0));
  }

  @Test
  void timerOfALessSeriousProblemFiresSevenDaysLaterAtTheSameLocalTime() {
    assertThat(slaDeadlines.deadlineDate("CALENDAR_DAYS", 7, pragueDate(2026, 10, 21, 10, 0)))
        .isEqualTo(pragueDate(2026, 10, 28, 10, 0));
  }

  @Test
  void rulesWithoutDeadlineGiveNull() {
    Date receivedAt = pragueDate(2026, 3, 6, 15, 0);

    assertThat(slaDeadlines.deadlineDate("NEXT_RELEASE", null, receivedAt)).isNull();
    assertThat(slaDeadlines.deadlineDate("ANSWERED_IN_CALL", null, receivedAt)).isNull();
    assertThat(slaDeadlines.deadlineDate("NEXT_RELEASE", null, null)).isNull();
  }

  @Test
  void blankRuleFromAnExpressionMeansNoRule() {
    assertThat(slaDeadlines.deadlineDate("", 0, pragueDate(2026, 3, 6, 15, 0))).isNull();
    assertThat(slaDeadlines.deadlineDate("  ", null, pragueDate(2026, 3, 6, 15, 0))).isNull();
    assertThat(slaDeadlines.deadlineDate(null, null, null)).isNull();
  }

  @Test
  void unknownRuleIsAnErrorNotASilentlyMissingDeadline() {
    assertThatThrownBy(() -> slaDeadlines.deadlineDate("TOMORROW", null, pragueDate(2026, 3, 6, 15, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOMORROW");
  }

  @Test
  void calendarDaysWithoutDaysIsAnError() {
    // JUEL hands a missing Integer over as 0
    assertThatThrownBy(() -> slaDeadlines.deadlineDate("CALENDAR_DAYS", 0, pragueDate(2026, 3, 6, 15, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> slaDeadlines.deadlineDate("CALENDAR_DAYS", null, pragueDate(2026, 3, 6, 15, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleWithDeadlineNeedsTheReceiptTime() {
    assertThatThrownBy(() -> slaDeadlines.deadlineDate("CLOSE_OF_NEXT_BUSINESS_DAY", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void warningTimerFiresTwoBusinessHoursBeforeAMondayMorningDeadlineOnFriday() {
    assertThat(slaDeadlines.warningDate(pragueDate(2026, 3, 9, 9, 0), "PT2H")).isEqualTo(pragueDate(2026, 3, 6, 15, 0));
  }

  @Test
  void warningTimerOfAWeeklyDeadlineFiresOneBusinessDayEarlier() {
    assertThat(slaDeadlines.warningDate(pragueDate(2026, 4, 1, 10, 0), "PT8H")).isEqualTo(pragueDate(2026, 3, 31, 10, 0));
  }

  @Test
  void noWarningTimerWithoutDeadlineOrWithBlankDuration() {
    assertThat(slaDeadlines.warningDate(null, "PT2H")).isNull();
    assertThat(slaDeadlines.warningDate(pragueDate(2026, 3, 9, 16, 0), "")).isNull();
    assertThat(slaDeadlines.warningDate(pragueDate(2026, 3, 9, 16, 0), null)).isNull();
  }

  @Test
  void malformedWarningDurationIsAnError() {
    assertThatThrownBy(() -> slaDeadlines.warningDate(pragueDate(2026, 3, 9, 16, 0), "2 hours"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 hours");
  }

  @Test
  void resultDoesNotDependOnTheJvmDefaultTimeZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      // Thursday 23:30 UTC is Friday in Prague but still Thursday in Los Angeles
      Date receivedAt = Date.from(Instant.parse("2026-11-26T23:30:00Z"));

      assertThat(slaDeadlines.deadlineDate("CLOSE_OF_NEXT_BUSINESS_DAY", null, receivedAt))
          .isEqualTo(pragueDate(2026, 11, 30, 16, 0));
    } finally {
      TimeZone.setDefault(original);
    }
  }
}
