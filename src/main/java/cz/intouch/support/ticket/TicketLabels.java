package cz.intouch.support.ticket;

import static cz.intouch.support.ticket.TicketVariables.OUT_OF_SCOPE_CATEGORY;
import static cz.intouch.support.ticket.TicketVariables.OUT_OF_SCOPE_REASON;
import static cz.intouch.support.ticket.TicketVariables.URGENCY;
import static cz.intouch.support.ticket.TicketVariables.URGENCY_LABEL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Czech words for the codes agents see in their task forms ({@code ${ticketLabels.describe(execution)}}):
 * the out-of-scope reason and the urgency class, worded as in the customers' mails.
 */
@Component("ticketLabels")
public class TicketLabels {

  public void describe(DelegateExecution execution) {
    Object category = execution.getVariable(OUT_OF_SCOPE_CATEGORY);
    execution.setVariable(OUT_OF_SCOPE_REASON, category == null ? null : OutOfScopeCategory.czechOf(category.toString()));
    Object urgency = execution.getVariable(URGENCY);
    execution.setVariable(URGENCY_LABEL, urgency == null ? null : Urgency.czechOf(urgency.toString()));
  }
}
