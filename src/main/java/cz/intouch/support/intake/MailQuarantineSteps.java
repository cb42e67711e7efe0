package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.SUBJECT;
import static cz.intouch.support.ticket.TicketVariables.TICKET_NUMBER;
import static cz.intouch.support.ticket.TicketVariables.Quarantine.QUARANTINE_ID;
import static cz.intouch.support.ticket.TicketVariables.Quarantine.SENDER;

import cz.intouch.support.mail.MailAddresses;
import cz.intouch.support.ticket.Channel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Steps of {@code bpmn/mail-quarantine.bpmn}: the agent's decision on a mail the intake could not read.
 * The agent may correct sender and subject in the form; the ticket gets the text that could be read.
 */
@Component("mailQuarantineSteps")
public class MailQuarantineSteps {

  private final MailIntakeStore store;
  private final TicketIntake tickets;

  public MailQuarantineSteps(MailIntakeStore store, TicketIntake tickets) {
    this.store = store;
    this.tickets = tickets;
  }

  public void openAsTicket(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(QUARANTINE_ID)).longValue();
    MailIntakeStore.Quarantined mail = store.quarantined(id)
        .orElseThrow(() -> new IllegalStateException("No quarantined mail " + id));
    String text = mail.textPreview() == null || mail.textPreview().isBlank()
        ? "(Text e-mailu se nepodařilo přečíst; původní zpráva je uložena v karanténě č. " + id + ".)"
        : mail.textPreview();
    String sender = (String) execution.getVariable(SENDER);
    String contactEmail = sender == null || sender.isBlank() ? null : MailAddresses.bare(sender).orElseThrow(
        () -> new IllegalArgumentException("Odesílatel „" + sender.strip() + "“ není jedna platná e-mailová adresa "
            + "(zadejte jen adresu, např. jan.novak@firma.cz)."));
    String ticketNumber = tickets.open(new TicketIntake.NewRequest(Channel.EMAIL, mail.receivedAt(),
        (String) execution.getVariable(SUBJECT), text, null, null, null, contactEmail, null, null, false, null));
    store.resolveQuarantine(id, "TICKET_OPENED", ticketNumber);
    execution.setVariable(TICKET_NUMBER, ticketNumber);
  }

  public void discard(DelegateExecution execution) {
    store.resolveQuarantine(((Number) execution.getVariable(QUARANTINE_ID)).longValue(), "DISCARDED", null);
  }
}
