package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Binding of {@code support.calendar.*} as operators write it, over the defaults of {@code application.yaml}, without
 * starting the engine.
 */
class SlaConfigurationTest {

  private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
      .withInitializer(new ConfigDataApplicationContextInitializer())
      .withUserConfiguration(CalendarSettings.class, SlaConfiguration.class);

  /** What the application's properties scan does for the whole desk. */
  @EnableConfigurationProperties(BusinessCalendarProperties.class)
  static class CalendarSettings {}

  @Test
  void defaultsAreThePublishedPolicy() {
    contextRunner.run(context -> {
      assertThat(context).hasSingleBean(BusinessCalendar.class).hasBean("slaDeadlines");
      BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
      assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Prague"));
      assertThat(calendar.openAt()).isEqualTo(LocalTime.of(8, 0));
      assertThat(calendar.closeAt()).isEqualTo(LocalTime.of(16, 0));
      assertThat(calendar.extraClosedDays()).isEmpty();
      assertThat(context.getBean("slaDeadlines", SlaDeadlines.class).calendar()).isSameAs(calendar);
    });
  }

  @Test
  void operatorCanConfigureHoursAndExtraClosedDaysButNotAZoneOfTheirOwn() {
    contextRunner
        .withPropertyValues(
            "support.calendar.open-at=09:00",
            "support.calendar.close-at=17:30",
            "support.calendar.extra-closed-days=2026-12-31,2027-01-04")
        .run(context -> {
          BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
          // the zone is the desk's (DeskTime), not the calendar's own: ticket dates and deadlines never disagree
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Prague"));
          assertThat(calendar.openAt()).isEqualTo(LocalTime.of(9, 0));
          assertThat(calendar.closeAt()).isEqualTo(LocalTime.of(17, 30));
          assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 31))).isFalse();
          assertThat(calendar.isBusinessDay(LocalDate.of(2027, 1, 4))).isFalse();
          assertThat(calendar.firstBusinessDayAfter(LocalDate.of(2026, 12, 30))).isEqualTo(LocalDate.of(2027, 1, 5));
        });
  }
}
