package cz.intouch.support.sla;

import cz.intouch.support.ticket.DeskTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Business days and business hours of the support desk. Every computation happens in the configured
 * zone, because the SLA speaks of local wall-clock times (16:00 in Prague), not of UTC offsets.
 */
public class BusinessCalendar {

  /** More than any run of holidays, weekends and closures the operator could plausibly configure. */
  private static final int MAX_CLOSED_DAYS_IN_A_ROW = 366;

  private final ZoneId zone;
  private final LocalTime openAt;
  private final LocalTime closeAt;
  private final Set<LocalDate> extraClosedDays;

  public BusinessCalendar(ZoneId zone, LocalTime openAt, LocalTime closeAt, Set<LocalDate> extraClosedDays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.openAt = Objects.requireNonNull(openAt, "openAt");
    this.closeAt = Objects.requireNonNull(closeAt, "closeAt");
    if (!openAt.isBefore(closeAt)) {
      throw new IllegalArgumentException("openAt " + openAt + " must be before closeAt " + closeAt);
    }
    this.extraClosedDays = extraClosedDays == null ? Set.of() : Set.copyOf(extraClosedDays);
  }

  /** Prague, 8:00-16:00, no extra closed days: the published support policy. */
  public static BusinessCalendar standard() {
    return new BusinessCalendar(DeskTime.ZONE, LocalTime.of(8, 0), LocalTime.of(16, 0), Set.of());
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime openAt() {
    return openAt;
  }

  public LocalTime closeAt() {
    return closeAt;
  }

  public Set<LocalDate> extraClosedDays() {
    return extraClosedDays;
  }

  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY
        && dow != DayOfWeek.SUNDAY
        && !CzechHolidays.isHoliday(day)
        && !extraClosedDays.contains(day);
  }

  /** The first business day strictly after {@code day}. */
  public LocalDate firstBusinessDayAfter(LocalDate day) {
    LocalDate candidate = day.plusDays(1);
    for (int i = 0; i < MAX_CLOSED_DAYS_IN_A_ROW && !isBusinessDay(candidate); i++) {
      candidate = candidate.plusDays(1);
    }
    return requireBusinessDay(candidate, day);
  }

  /** The last business day strictly before {@code day}. */
  public LocalDate lastBusinessDayBefore(LocalDate day) {
    LocalDate candidate = day.minusDays(1);
    for (int i = 0; i < MAX_CLOSED_DAYS_IN_A_ROW && !isBusinessDay(candidate); i++) {
      candidate = candidate.minusDays(1);
    }
    return requireBusinessDay(candidate, day);
  }

  /**
   * Closing time of the first business day after the local day of receipt. The day of receipt is
   * taken in the configured zone: 23:30 UTC on Thursday is already Friday in Prague.
   */
  public ZonedDateTime closeOfFirstBusinessDayAfter(Instant receivedAt) {
    LocalDate dayOfReceipt = receivedAt.atZone(zone).toLocalDate();
    return ZonedDateTime.of(firstBusinessDayAfter(dayOfReceipt), closeAt, zone);
  }

  /**
   * The same local wall-clock time {@code days} later, so a week across a DST change is 167 or 169
   * real hours. A time that does not exist on the target day (spring-forward gap) moves forward by
   * the length of the gap.
   */
  public ZonedDateTime plusCalendarDays(Instant receivedAt, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    return receivedAt.atZone(zone).plusDays(days);
  }

  /**
   * The same local time {@code days} business days later (waiting periods such as "5 business days of
   * silence"); a start on a closed day counts from the next business day's same time.
   */
  public ZonedDateTime plusBusinessDays(Instant from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    ZonedDateTime start = from.atZone(zone);
    LocalDate day = start.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = firstBusinessDayAfter(day);
    }
    return ZonedDateTime.of(day, start.toLocalTime(), zone);
  }

  /**
   * The moment that lies {@code businessTime} of business hours before {@code deadline}, counting only
   * opening hours of business days. A deadline outside business hours counts from the last business
   * moment before it (Sunday 14:00 minus 2 h is Friday 14:00). A result exactly on a day boundary is
   * reported as the opening of the later day (Monday 8:00, not Friday 16:00), since that is when
   * someone is there to see it. A zero duration returns the deadline unchanged.
   */
  public ZonedDateTime minusBusinessHours(ZonedDateTime deadline, Duration businessTime) {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(businessTime, "businessTime");
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("businessTime must not be negative: " + businessTime);
    }
    ZonedDateTime local = deadline.withZoneSameInstant(zone);
    if (businessTime.isZero()) {
      return local;
    }
    ZonedDateTime cursor = lastBusinessMomentAtOrBefore(local);
    Duration remaining = businessTime;
    while (true) {
      ZonedDateTime opening = ZonedDateTime.of(cursor.toLocalDate(), openAt, zone);
      Duration availableToday = Duration.between(opening, cursor);
      if (remaining.compareTo(availableToday) <= 0) {
        return cursor.minus(remaining);
      }
      remaining = remaining.minus(availableToday);
      cursor = ZonedDateTime.of(lastBusinessDayBefore(cursor.toLocalDate()), closeAt, zone);
    }
  }

  /** Opening time inclusive, closing time exclusive. */
  public boolean isWithinBusinessHours(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    LocalTime time = local.toLocalTime();
    return isBusinessDay(local.toLocalDate()) && !time.isBefore(openAt) && time.isBefore(closeAt);
  }

  /** Latest point of business time not after {@code t}; an opening instant counts as the previous close. */
  private ZonedDateTime lastBusinessMomentAtOrBefore(ZonedDateTime t) {
    LocalDate day = t.toLocalDate();
    LocalTime time = t.toLocalTime();
    if (isBusinessDay(day) && time.isAfter(openAt)) {
      return time.isAfter(closeAt) ? ZonedDateTime.of(day, closeAt, zone) : t;
    }
    return ZonedDateTime.of(lastBusinessDayBefore(day), closeAt, zone);
  }

  private LocalDate requireBusinessDay(LocalDate candidate, LocalDate from) {
    if (!isBusinessDay(candidate)) {
      throw new IllegalStateException("No business day within " + MAX_CLOSED_DAYS_IN_A_ROW + " days of " + from
          + ": check support.calendar.extra-closed-days");
    }
    return candidate;
  }
}
