package cz.intouch.support.identification;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks identification against the customer registry with everything the customer has written so far. When
 * complete, the SLA starts from the receipt of the message that completed it; how long the customer is waited for
 * otherwise is the timers' business in {@code customerIdentification}.
 */
@Component("identifyCustomer")
public class IdentifyCustomerDelegate implements JavaDelegate {

  private final IdentificationService identification;
  private final TicketMessages messages;

  public IdentifyCustomerDelegate(IdentificationService identification, TicketMessages messages) {
    this.identification = identification;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ticketNumber = (String) execution.getVariable(TICKET_NUMBER);
    java.util.List<TicketMessage> fromCustomer = messages.fromCustomer(ticketNumber);
    String texts = fromCustomer.stream()
        .map(IdentifyCustomerDelegate::textOf)
        .collect(Collectors.joining("\n\n"));
    String colleagueTexts = fromCustomer.stream()
        .map(message -> RequestClues.forwardedByColleague(message.body(), message.sender()))
        .filter(text -> !text.isBlank())
        .collect(Collectors.joining("\n\n"));
    Date lastReceived = (Date) execution.getVariable(LAST_MESSAGE_RECEIVED_AT);
    Instant receivedAt = lastReceived != null ? lastReceived.toInstant() : DeskTime.now();

    Identification result = identification.identify(new IdentificationService.Claims(
        string(execution, CONTACT_EMAIL), string(execution, COMPANY_ID), string(execution, COMPANY_NAME),
        string(execution, CONTACT_NAME), statedVersion(execution), texts,
        DeskTime.dateOf(receivedAt), string(execution, SENDER_NAME), colleagueTexts));

    setIfChanged(execution, COMPANY_ID, result.companyId());
    setIfChanged(execution, COMPANY_NAME, result.companyName());
    setIfChanged(execution, CONTACT_NAME, result.contactName());
    setIfChanged(execution, CONTACT_EMAIL, result.contactEmail());
    setIfChanged(execution, PROGRAM_VERSION, result.programVersion());
    if (result.programBuild() != null || execution.getVariable(PROGRAM_BUILD) != null) {
      setIfChanged(execution, PROGRAM_BUILD, result.programBuild());
    }
    setIfChanged(execution, CONTRACT_VALID, result.contractValid());
    setIfChanged(execution, CONTRACT_VALID_UNTIL,
        result.contractValidUntil() == null ? null : result.contractValidUntil().toString());
    setIfChanged(execution, IDENTIFIED, result.identified());
    setIfChanged(execution, IDENTIFICATION_FINDINGS, result.findings());
    setIfChanged(execution, MISSING_IDENTIFICATION, result.missing().stream().map(Enum::name)
        .collect(Collectors.joining(",")));
    if (result.identified()) {
      setIfChanged(execution, SLA_START_AT, Date.from(receivedAt));
    }
  }

  /** The version as stated (form, phone record, agent); one read in the texts before is read again. */
  private static String statedVersion(DelegateExecution execution) {
    return IdentificationService.versionReadFromText(string(execution, IDENTIFICATION_FINDINGS)) ? null
        : string(execution, PROGRAM_VERSION);
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  /** The subject and the customer's own words: never the quoted history of someone else nor our own mails. */
  static String textOf(TicketMessage message) {
    return nullToEmpty(message.subject()) + "\n" + RequestClues.ownWords(message.body());
  }
}
