package cz.intouch.support.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code support.calendar.*}: the business calendar of the desk, in the desk's zone ({@code DeskTime}). Operators
 * add one-off closures (e.g. a company-wide day off) as {@code support.calendar.extra-closed-days=2026-12-31,2027-01-04}.
 * Defaults in {@code application.yaml} only.
 */
@ConfigurationProperties(prefix = "support.calendar")
public record BusinessCalendarProperties(
    LocalTime openAt,
    LocalTime closeAt,
    List<LocalDate> extraClosedDays) {

  public BusinessCalendarProperties {
    Objects.requireNonNull(openAt, "support.calendar.open-at");
    Objects.requireNonNull(closeAt, "support.calendar.close-at");
    extraClosedDays = extraClosedDays == null ? List.of() : List.copyOf(extraClosedDays);
  }
}
