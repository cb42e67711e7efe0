package cz.intouch.support.triage;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.Urgency;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An agent re-classified the ticket: the new urgency goes through the SLA policy again, with new timers. */
@Component("reclassify")
public class ReclassifyDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String target = String.valueOf(execution.getVariable(RECLASSIFY_TO));
    if (!Urgency.isKnown(target)) {
      throw new IllegalArgumentException("Unknown urgency " + target);
    }
    execution.setVariable(URGENCY, target);
    execution.setVariable(RECLASSIFY_TO, null);
    execution.setVariable(SLA_BREACHED, false);
  }
}
