package cz.intouch.support.ticket;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The ticket's {@code status} variable, set by execution listeners in the models
 * ({@code ${ticketStatus.set(execution, 'OPEN')}}) so analysts see in the diagram where it changes.
 */
@Component("ticketStatus")
public class TicketStatus {

  public static final Set<String> VALUES = Set.of("NEW", "IDENTIFICATION", "AWAITING_IDENTIFICATION",
      "AWAITING_DECISION", "OPEN", "IN_PROGRESS", "WAITING_FOR_CUSTOMER", "WAITING_FOR_RELEASE", "RESOLVED",
      "CLOSED", "REFUSED");

  public void set(DelegateExecution execution, String status) {
    if (!VALUES.contains(status)) {
      throw new IllegalArgumentException("Unknown ticket status " + status);
    }
    // the ticket's own instance, also from a called process (identification): one status per ticket
    DelegateExecution ticket = execution.getProcessInstance();
    while (ticket.getSuperExecution() != null) {
      ticket = ticket.getSuperExecution().getProcessInstance();
    }
    TicketVariables.setIfChanged(ticket, TicketVariables.STATUS, status);
  }
}
