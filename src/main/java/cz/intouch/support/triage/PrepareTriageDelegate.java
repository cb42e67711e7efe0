package cz.intouch.support.triage;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.Texts;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before triage: the request's language, the preview the agents' forms show, and the agent's urgency proposal
 * from a phone call. The decision tables' own inputs (the normalised text, the suggestions) are not set here but
 * by {@link TriageInput}, transiently, on each business rule task.
 */
@Component("prepareTriage")
public class PrepareTriageDelegate implements JavaDelegate {

  private final TicketMessages messages;

  public PrepareTriageDelegate(TicketMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<TicketMessage> incoming = messages.fromCustomer((String) execution.getVariable(TICKET_NUMBER));
    String subject = incoming.isEmpty() ? "" : nullToEmpty(incoming.get(0).subject());
    String body = incoming.stream().map(message -> nullToEmpty(message.body())).collect(Collectors.joining("\n\n"));
    execution.setVariable(LANGUAGE, LanguageDetector.detect(subject, body));
    // what the agents' forms show of the request; the whole text stays in the ticket's messages
    String preview = subject.isBlank() ? body : subject + "\n\n" + body;
    execution.setVariable(REQUEST_PREVIEW, preview.length() <= Texts.VARIABLE_LIMIT ? preview : Texts.truncate(preview, Texts.VARIABLE_LIMIT) + " …");
    Object proposal = execution.getVariable(URGENCY_PROPOSAL);
    // an agent's proposal from the phone call wins over the decision table (the urgency task keeps it)
    execution.setVariable(URGENCY, proposal == null || proposal.toString().isBlank() ? null : proposal.toString());
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
