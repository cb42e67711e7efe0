package cz.intouch.support.sla;

import static cz.intouch.support.ticket.TicketVariables.*;

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
    TicketSlaDates dates = TicketSlaDates.of(deadlines, execution::getVariable);
    execution.setVariable(SLA_DEADLINE, dates.deadline());
    execution.setVariable(SLA_WARNING_AT, dates.warning());
  }
}
