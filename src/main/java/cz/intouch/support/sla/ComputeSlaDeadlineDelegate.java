package cz.intouch.support.sla;

import static cz.intouch.support.ticket.TicketVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the slaPolicy decision into dates: the deadline for initiating active resolution (also the task's due
 * date, so Tasklist sorts by it) and the warning moment, both from the receipt of the completing message.
 */
@Component("computeSlaDeadline")
public class ComputeSlaDeadlineDelegate implements JavaDelegate {

  private final SlaDeadlines deadlines;

  public ComputeSlaDeadlineDelegate(SlaDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date start = (Date) execution.getVariable(SLA_START_AT);
    if (start == null) {
      start = (Date) execution.getVariable(RECEIVED_AT);
    }
    Object days = execution.getVariable(SLA_DAYS);
    Date deadline = deadlines.deadlineDate((String) execution.getVariable(SLA_RULE),
        days == null ? null : ((Number) days).intValue(), start);
    execution.setVariable(SLA_DEADLINE, deadline);
    Object warnBefore = execution.getVariable(WARN_BEFORE);
    execution.setVariable(SLA_WARNING_AT,
        deadline == null ? null : deadlines.warningDate(deadline, warnBefore == null ? "" : warnBefore.toString()));
  }
}
