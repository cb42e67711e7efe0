package cz.intouch.support.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Sets the ticket's {@code status} variable from execution listeners in the models
 * ({@code ${ticketStatus.set(execution, 'OPEN')}}), so analysts see in the diagram where it changes.
 */
@Component("ticketStatus")
public class TicketStatusSetter {

  public void set(DelegateExecution execution, String status) {
    TicketStatus.of(status); // an unknown status in a model fails the step, not a report later
    // the ticket's own instance, also from a called process (identification): one status per ticket
    DelegateExecution ticket = execution.getProcessInstance();
    while (ticket.getSuperExecution() != null) {
      ticket = ticket.getSuperExecution().getProcessInstance();
    }
    TicketVariables.setIfChanged(ticket, TicketVariables.STATUS, status);
  }
}
