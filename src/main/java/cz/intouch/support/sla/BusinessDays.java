package cz.intouch.support.sla;

import cz.intouch.support.ticket.DeskTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Waiting periods counted in business days, for timers in the models: {@code ${businessDays.fromNow(2)}} is the
 * same local time two business days after the timer starts. The number of days lives in the model, where an
 * analyst sees and changes it; the calendar (weekends, Czech holidays, closures) lives here.
 */
@Component("businessDays")
public class BusinessDays {

  private final BusinessCalendar calendar;

  public BusinessDays(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** A {@code Date}, because a timer's {@code timeDate} expression accepts no {@code java.time} types. */
  public Date fromNow(int days) {
    return Date.from(calendar.plusBusinessDays(DeskTime.now(), days).toInstant());
  }
}
