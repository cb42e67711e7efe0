package cz.intouch.support.extranet;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.ticket.TicketStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/** A company's own tickets as the extranet shows them: never another company's (matched by the ticket's IČO). */
@Service
public class CustomerTickets {

  private static final Set<String> CUSTOMER_KINDS = Arrays.stream(MessageKind.values())
      .filter(kind -> kind.audience() == MessageKind.Audience.CUSTOMER).map(Enum::name).collect(Collectors.toSet());

  public record TicketView(String ticketNumber, String subject, String status, Instant receivedAt,
      String contactName, String plannedRelease) {}

  public record MessageView(boolean fromCustomer, String subject, String body, Instant at) {}

  /** The variables a ticket's line shows. */
  private static final String[] SHOWN = {SUBJECT, STATUS, CONTACT_NAME, PLANNED_RELEASE};
  /** Ids per IN list: well within every database's limit. */
  private static final int IDS_PER_QUERY = 500;

  private final HistoryService history;
  private final TicketMessages messages;

  public CustomerTickets(HistoryService history, TicketMessages messages) {
    this.history = history;
    this.messages = messages;
  }

  public List<TicketView> of(String ico) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SUPPORT_REQUEST).variableValueEquals(COMPANY_ID, ico).list();
    // the shown variables of all the company's tickets in a few queries, not one per ticket (1,000 tickets: 1 s)
    Map<String, Map<String, Object>> shown = new HashMap<>();
    for (int from = 0; from < instances.size(); from += IDS_PER_QUERY) {
      String[] ids = instances.subList(from, Math.min(instances.size(), from + IDS_PER_QUERY)).stream()
          .map(HistoricProcessInstance::getId).toArray(String[]::new);
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
          .variableNameIn(SHOWN).list()) {
        if (variable.getValue() != null) {
          shown.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .putIfAbsent(variable.getName(), variable.getValue());
        }
      }
    }
    return instances.stream().map(instance -> view(instance, shown.getOrDefault(instance.getId(), Map.of())))
        .sorted(Comparator.comparing(TicketView::receivedAt).reversed()).toList();
  }

  /** The ticket if it belongs to the company; empty for another company's ticket as for none at all. */
  public Optional<TicketView> find(String ico, String ticketNumber) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST)
        .processInstanceBusinessKey(ticketNumber).variableValueEquals(COMPANY_ID, ico).list().stream()
        .findFirst().map(this::view);
  }

  /** What the customer wrote and what we wrote to them; staff notifications stay internal. */
  public List<MessageView> messages(String ticketNumber) {
    return messages.of(ticketNumber).stream()
        .filter(message -> TicketMessages.IN.equals(message.direction()) || CUSTOMER_KINDS.contains(message.kind()))
        .map(CustomerTickets::messageView).toList();
  }

  private TicketView view(HistoricProcessInstance instance) {
    Map<String, Object> variables = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableNameIn(SHOWN).list().stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
    return view(instance, variables);
  }

  private static TicketView view(HistoricProcessInstance instance, Map<String, Object> variables) {
    Object status = variables.get(STATUS);
    return new TicketView(instance.getBusinessKey(), (String) variables.get(SUBJECT),
        status == null ? "" : TicketStatus.of(status.toString()).czech(),
        instance.getStartTime().toInstant(), (String) variables.get(CONTACT_NAME),
        (String) variables.get(PLANNED_RELEASE));
  }

  private static MessageView messageView(TicketMessage message) {
    return new MessageView(TicketMessages.IN.equals(message.direction()), message.subject(), message.body(),
        message.occurredAt());
  }
}
