package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessDaysWaitTest {

  private final BusinessCalendar calendar = BusinessCalendar.standard();

  @Test
  void fiveBusinessDaysOfSilenceAfterAMondayRequestEndNextMondaySameTime() {
    assertThat(calendar.plusBusinessDays(Instant.parse("2026-11-23T09:30:00Z"), 5))
        .isEqualTo(ZonedDateTime.parse("2026-11-30T10:30+01:00[Europe/Prague]"));
  }

  @Test
  void waitingSkipsChristmasAndTheWeekend() {
    assertThat(calendar.plusBusinessDays(Instant.parse("2026-12-22T13:00:00Z"), 2))
        .isEqualTo(ZonedDateTime.parse("2026-12-28T14:00+01:00[Europe/Prague]"));
  }
}
