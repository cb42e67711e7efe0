package cz.intouch.support.sla;

import static cz.intouch.support.ticket.TicketVariables.*;

import java.util.Date;
import java.util.function.Function;

/**
 * A ticket's SLA deadline and warning moment from its process variables (the slaPolicy decision's rule, days and
 * warning offset, counted from the receipt of the completing message): when the SLA task starts, and again
 * when the business calendar changes.
 */
record TicketSlaDates(Date deadline, Date warning) {

  static TicketSlaDates of(SlaDeadlines deadlines, Function<String, Object> variable) {
    Date start = (Date) variable.apply(SLA_START_AT);
    if (start == null) {
      start = (Date) variable.apply(RECEIVED_AT);
    }
    Object days = variable.apply(SLA_DAYS);
    Date deadline = deadlines.deadlineDate((String) variable.apply(SLA_RULE),
        days == null ? null : ((Number) days).intValue(), start);
    Object warnBefore = variable.apply(WARN_BEFORE);
    Date warning = deadline == null ? null
        : deadlines.warningDate(deadline, warnBefore == null ? "" : warnBefore.toString());
    return new TicketSlaDates(deadline, warning);
  }
}
