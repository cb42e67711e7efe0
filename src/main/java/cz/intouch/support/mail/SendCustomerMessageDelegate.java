package cz.intouch.support.mail;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.MissingIdentification;
import cz.intouch.support.ticket.PublicAddress;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every customer mail step of the models: {@code camunda:field name="kind"} names the message, the template
 * takes the ticket's variables. Runs as an asynchronous step, so an SMTP outage is retried and ends as an
 * incident; the dedup key (ticket + a per-ticket mail counter that only advances when the step commits)
 * makes a retried step find the mail it already sent.
 */
@Component("sendCustomerMessage")
public class SendCustomerMessageDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendCustomerMessageDelegate.class);

  private Expression kind;
  private final OutboundMail outbound;
  private final String extranetUrl;

  public SendCustomerMessageDelegate(OutboundMail outbound,
      PublicAddress address) {
    this.outbound = outbound;
    this.extranetUrl = address.extranet();
  }

  public void setKind(Expression kind) {
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MessageKind message = MessageKind.valueOf(kind.getValue(execution).toString());
    String ticketNumber = (String) execution.getVariable(TICKET_NUMBER);
    String recipient = (String) execution.getVariable(CONTACT_EMAIL);
    if (recipient == null || recipient.isBlank()) {
      log.info("{}: no e-mail address for {}, {} not sent", ticketNumber, execution.getVariable(CONTACT_NAME), message);
      return;
    }
    int sent = execution.getVariable(CUSTOMER_MAILS_SENT) instanceof Integer count ? count : 0;
    outbound.send(message, ticketNumber, recipient, model(execution, sent == 0), ticketNumber + ":mail:" + (sent + 1));
    execution.setVariable(CUSTOMER_MAILS_SENT, sent + 1);
  }

  /** Raw variables: the templates print codes and dates in Czech themselves (see MailTemplates). */
  private Map<String, Object> model(DelegateExecution execution, boolean firstAnswer) {
    Map<String, Object> model = new HashMap<>();
    model.put("urgency", execution.getVariable(URGENCY));
    model.put("slaDeadline", execution.getVariable(SLA_DEADLINE));
    model.put("missingItems", missingItems(execution.getVariable(MISSING_IDENTIFICATION)));
    Object validUntil = execution.getVariable(CONTRACT_VALID_UNTIL);
    model.put("contractValidUntil", validUntil == null ? null : LocalDate.parse(validUntil.toString()));
    model.put("outOfScopeCategory", execution.getVariable(OUT_OF_SCOPE_CATEGORY));
    model.put("agentMessage", execution.getVariable(AGENT_MESSAGE));
    model.put("releaseVersion", execution.getVariable(RELEASE_VERSION));
    model.put("extranetUrl", extranetUrl);
    Object language = execution.getVariable(LANGUAGE);
    model.put(OutboundMail.NOT_CZECH, firstAnswer && language != null && !"cs".equals(language));
    return model;
  }

  static String missingItems(Object codes) {
    if (codes == null || codes.toString().isBlank()) {
      return "";
    }
    return Arrays.stream(codes.toString().split(","))
        .map(code -> "- " + MissingIdentification.valueOf(code.trim()).czech())
        .collect(Collectors.joining("\n"));
  }
}
