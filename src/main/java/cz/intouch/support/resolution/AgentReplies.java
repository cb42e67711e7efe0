package cz.intouch.support.resolution;

import static cz.intouch.support.ticket.TicketVariables.AGENT_REPLY;
import static cz.intouch.support.ticket.TicketVariables.CONTACT_EMAIL;
import static cz.intouch.support.ticket.TicketVariables.TICKET_NUMBER;

import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.mail.OutboundMail;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The reply field of the agents' task forms ({@code ${agentReplies.send(task)}} on completion): a text written
 * there goes to the customer as an e-mail about the ticket, once per task.
 */
@Component("agentReplies")
public class AgentReplies {

  private final OutboundMail outbound;

  public AgentReplies(OutboundMail outbound) {
    this.outbound = outbound;
  }

  public void send(DelegateTask task) {
    Object reply = task.getVariable(AGENT_REPLY);
    Object recipient = task.getVariable(CONTACT_EMAIL);
    if (reply == null || reply.toString().isBlank() || recipient == null || recipient.toString().isBlank()) {
      return;
    }
    String ticketNumber = (String) task.getVariable(TICKET_NUMBER);
    outbound.send(MessageKind.AGENT_REPLY, ticketNumber, recipient.toString(),
        Map.of("agentMessage", reply.toString()), ticketNumber + ":reply:" + task.getId());
    task.setVariable(AGENT_REPLY, null);
  }
}
