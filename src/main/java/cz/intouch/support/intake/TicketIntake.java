package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.Texts;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.ticket.TicketNumbers;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a ticket for a request that arrived by e-mail, the web or the API: number, stored text and the
 * started process commit together, so a failure leaves no half-created ticket (at most a gap in numbers).
 */
@Service
public class TicketIntake {


  private final TicketNumbers numbers;
  private final TicketMessages messages;
  private final RuntimeService runtime;

  public TicketIntake(TicketNumbers numbers, TicketMessages messages, RuntimeService runtime) {
    this.numbers = numbers;
    this.messages = messages;
    this.runtime = runtime;
  }

  public record NewRequest(Channel channel, Instant receivedAt, String subject, String body, String companyId,
      String companyName, String contactName, String contactEmail, String programVersion, String urgencyProposal,
      boolean answeredInCall, String messageId) {}

  @Transactional
  public String open(NewRequest request) {
    return open(request, null);
  }

  /** @param senderName the From display name of a mail: a clue for identification */
  @Transactional
  public String open(NewRequest request, String senderName) {
    String ticketNumber = numbers.next(request.receivedAt());
    messages.recordIncoming(ticketNumber, TicketMessages.REQUEST, request.channel().name(), request.contactEmail(),
        request.subject(), request.body(), request.receivedAt(), request.messageId());
    Map<String, Object> variables = new HashMap<>();
    variables.put(TICKET_NUMBER, ticketNumber);
    variables.put(CHANNEL, request.channel().name());
    variables.put(RECEIVED_AT, Date.from(request.receivedAt()));
    variables.put(SUBJECT, Texts.truncate(request.subject(), 255));
    variables.put(COMPANY_ID, request.companyId());
    variables.put(COMPANY_NAME, request.companyName());
    variables.put(CONTACT_NAME, request.contactName());
    variables.put(CONTACT_EMAIL, request.contactEmail());
    variables.put(PROGRAM_VERSION, request.programVersion());
    variables.put(URGENCY_PROPOSAL, request.urgencyProposal());
    variables.put(ANSWERED_IN_CALL, request.answeredInCall());
    if (senderName != null && !senderName.isBlank()) {
      variables.put(SENDER_NAME, Texts.truncate(senderName.strip(), 255));
    }
    runtime.createMessageCorrelation(REQUEST_RECEIVED)
        .processInstanceBusinessKey(ticketNumber)
        .setVariables(variables)
        .correlateStartMessage();
    return ticketNumber;
  }
}
