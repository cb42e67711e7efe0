package cz.intouch.support.identification;

import static cz.intouch.support.ticket.TicketVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * What the ticket hands to its identification ({@code customerIdentification}) and what comes back. Only these
 * variables travel, and a value comes back only when identification changed it: copying every variable in and out
 * wrote three database rows per variable and direction for each ticket.
 */
@Component("identificationVariables")
public class IdentificationVariables implements DelegateVariableMapping {

  /** What identification reads: the claims, the task form's fields and what its mails need. */
  static final List<String> IN = List.of(TICKET_NUMBER, CHANNEL, SUBJECT, COMPANY_ID, COMPANY_NAME, CONTACT_NAME,
      CONTACT_EMAIL, PROGRAM_VERSION, PROGRAM_BUILD, SENDER_NAME, RECEIVED_AT, LAST_MESSAGE_RECEIVED_AT, LANGUAGE,
      CUSTOMER_MAILS_SENT);

  /** What identification finds out, and the mail counter its mails advanced. */
  static final List<String> OUT = List.of(COMPANY_ID, COMPANY_NAME, CONTACT_NAME, CONTACT_EMAIL, PROGRAM_VERSION,
      PROGRAM_BUILD,
      IDENTIFIED, CONTRACT_VALID, CONTRACT_VALID_UNTIL, MISSING_IDENTIFICATION, SLA_START_AT,
      LAST_MESSAGE_RECEIVED_AT, CUSTOMER_MAILS_SENT);

  @Override
  public void mapInputVariables(DelegateExecution ticket, VariableMap identification) {
    for (String name : IN) {
      Object value = ticket.getVariable(name);
      if (value != null) {
        identification.put(name, value);
      }
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution ticket, VariableScope identification) {
    for (String name : OUT) {
      if (identification.hasVariable(name)) {
        setIfChanged(ticket, name, identification.getVariable(name));
      }
    }
  }
}
