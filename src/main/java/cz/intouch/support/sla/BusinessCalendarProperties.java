package cz.intouch.support.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code support.calendar.*}: the business calendar of the desk, in the desk's zone ({@code DeskTime}). Operators
 * add one-off closures (e.g. a company-wide day off) as {@code support.calendar.extra-closed-days=2026-12-31,2027-01-04}.
 */
@ConfigurationProperties(prefix = "support.calendar")
public record BusinessCalendarProperties(
    @DefaultValue("08:00") LocalTime openAt,
    @DefaultValue("16:00") LocalTime closeAt,
    List<LocalDate> extraClosedDays) {

  public BusinessCalendarProperties {
    extraClosedDays = extraClosedDays == null ? List.of() : List.copyOf(extraClosedDays);
  }
}
