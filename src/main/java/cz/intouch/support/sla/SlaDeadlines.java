package cz.intouch.support.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * SLA deadlines and warning times of tickets. Never reads the clock: the caller passes the receipt time,
 * so the result is the same in a timer, in the triage API and in a test.
 *
 * <p>The {@code Date} variants take and give process variables as they are stored ({@code slaRule} as a String,
 * {@code slaDeadline} as a {@code java.util.Date}, which the SLA timers read: Camunda accepts a {@code Date} as a
 * timer date but throws on {@code Instant} or {@code ZonedDateTime}).
 */
public class SlaDeadlines {

  private final BusinessCalendar calendar;

  public SlaDeadlines(BusinessCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  /**
   * The deadline for initiating active resolution, in the calendar's zone; empty for rules without one.
   *
   * @param days calendar days for {@link SlaRule#CALENDAR_DAYS} (at least 1); ignored otherwise
   */
  public Optional<ZonedDateTime> deadline(SlaRule rule, Integer days, Instant receivedAt) {
    Objects.requireNonNull(rule, "rule");
    if (!rule.hasDeadline()) {
      return Optional.empty();
    }
    Objects.requireNonNull(receivedAt, "receivedAt");
    return Optional.of(switch (rule) {
      case CLOSE_OF_NEXT_BUSINESS_DAY -> calendar.closeOfFirstBusinessDayAfter(receivedAt);
      // JUEL coerces a missing Integer to 0: a 0-day deadline is a wiring error, not a policy
      case CALENDAR_DAYS -> {
        if (days == null || days < 1) {
          throw new IllegalArgumentException("CALENDAR_DAYS needs a positive number of days, got " + days);
        }
        yield calendar.plusCalendarDays(receivedAt, days);
      }
      case NEXT_RELEASE, ANSWERED_IN_CALL -> throw new IllegalStateException("no deadline for " + rule);
    });
  }

  /** When to warn: {@code warnBefore} of business time before the deadline; empty without either. */
  public Optional<ZonedDateTime> warning(ZonedDateTime deadline, Duration warnBefore) {
    if (deadline == null || warnBefore == null) {
      return Optional.empty();
    }
    return Optional.of(calendar.minusBusinessHours(deadline, warnBefore));
  }

  /**
   * {@link #deadline} for process variables. A blank rule means no rule and gives null, as do
   * {@code NEXT_RELEASE} and {@code ANSWERED_IN_CALL}: the model routes those tickets past the SLA timers,
   * since a timer whose date is null fails.
   */
  public Date deadlineDate(String rule, Integer days, Date receivedAt) {
    Optional<SlaRule> parsed = SlaRule.parse(rule);
    if (parsed.isEmpty() || !parsed.get().hasDeadline()) {
      return null;
    }
    if (receivedAt == null) {
      throw new IllegalArgumentException("receivedAt is required for SLA rule " + parsed.get());
    }
    return deadline(parsed.get(), days, receivedAt.toInstant()).map(d -> Date.from(d.toInstant())).orElse(null);
  }

  /**
   * {@link #warning} for process variables; the duration is ISO-8601 of business time, e.g. "PT2H" (the
   * slaPolicy decision's {@code warnBefore}). Null when the deadline is null or the duration blank.
   */
  public Date warningDate(Date deadline, String warnBeforeIsoDuration) {
    if (deadline == null || warnBeforeIsoDuration == null || warnBeforeIsoDuration.isBlank()) {
      return null;
    }
    Duration warnBefore;
    try {
      warnBefore = Duration.parse(warnBeforeIsoDuration.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("warnBefore is not an ISO-8601 duration: '" + warnBeforeIsoDuration + "'", e);
    }
    ZonedDateTime local = deadline.toInstant().atZone(calendar.zone());
    return warning(local, warnBefore).map(w -> Date.from(w.toInstant())).orElse(null);
  }
}
