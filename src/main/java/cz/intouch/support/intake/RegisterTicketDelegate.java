package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.ReceiptTime;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.ticket.TicketNumbers;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every ticket. Requests from e-mail and the web arrive registered (number, stored text);
 * a phone call recorded in Tasklist arrives with the agent's form only, so it gets its number, business key
 * and stored description here. The SLA clock is not started: identification comes first.
 */
@Component("registerTicket")
public class RegisterTicketDelegate implements JavaDelegate {

  private final TicketNumbers numbers;
  private final TicketMessages messages;
  private final ReceiptTime receiptTime;
  private final IntakeMetrics metrics;

  public RegisterTicketDelegate(TicketNumbers numbers, TicketMessages messages, ReceiptTime receiptTime,
      IntakeMetrics metrics) {
    this.numbers = numbers;
    this.messages = messages;
    this.receiptTime = receiptTime;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date receivedAt = (Date) execution.getVariable(RECEIVED_AT);
    if (receivedAt == null) {
      receivedAt = Date.from(DeskTime.now());
      execution.setVariable(RECEIVED_AT, receivedAt);
    } else if (execution.getVariable(TICKET_NUMBER) == null) {
      // a call recorded through the engine's API may carry its own receipt time: the same bounds as our API;
      // refusing here rolls the start back, so nothing is created
      receiptTime.check(receivedAt.toInstant());
    }
    if (execution.getVariable(CHANNEL) == null) {
      execution.setVariable(CHANNEL, Channel.PHONE.name());
    }
    String ticketNumber = (String) execution.getVariable(TICKET_NUMBER);
    if (ticketNumber == null) {
      ticketNumber = numbers.next(receivedAt.toInstant());
      execution.setVariable(TICKET_NUMBER, ticketNumber);
      execution.setProcessBusinessKey(ticketNumber);
      Object description = execution.getVariable(DESCRIPTION);
      messages.recordIncoming(ticketNumber, TicketMessages.REQUEST, (String) execution.getVariable(CHANNEL),
          (String) execution.getVariable(CONTACT_EMAIL), (String) execution.getVariable(SUBJECT),
          description == null ? "" : description.toString(), receivedAt.toInstant(), null);
      execution.removeVariable(DESCRIPTION);
    }
    execution.setVariable(LAST_MESSAGE_RECEIVED_AT, receivedAt);
    execution.setVariable(SLA_BREACHED, false);
    metrics.ticketRegistered((String) execution.getVariable(CHANNEL));
  }
}
