package cz.intouch.support.report;

import static cz.intouch.support.ticket.TicketVariables.COMPANY_NAME;
import static cz.intouch.support.ticket.TicketVariables.INITIATE_RESOLUTION_TASK;
import static cz.intouch.support.ticket.TicketVariables.RECEIVED_AT;
import static cz.intouch.support.ticket.TicketVariables.SLA_WARNING_AT;
import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;
import static cz.intouch.support.ticket.TicketVariables.URGENCY;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.SupportStaff;
import cz.intouch.support.ticket.TicketMessages;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the rows of sd_sla_ticket, the SLA report's copy of each ticket, in the engine's transaction (the engine and
 * this JdbcTemplate share the Spring transaction, so a rolled-back step leaves its row as it was). The ticket's
 * start and end come from the model ({@code ${slaTickets.opened(execution)}} and {@code closed} on the process);
 * every task of the ticket comes from the starter's eventing bridge ({@code camunda.bpm.eventing.task}, on by
 * default): created, changed (a new due date, a candidate group added by the escalation), completed or deleted.
 * Each write copies the ticket's current urgency, company, receipt and warning too, so a reclassification, which
 * creates a new "Zahájit řešení", and a recalculated deadline, which changes the task's due date, arrive with it.
 */
@Component("slaTickets")
public class SlaTickets {

  private final JdbcTemplate jdbc;

  public SlaTickets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Process start listener of the ticket. */
  public void opened(DelegateExecution execution) {
    copyVariables(execution.getProcessInstance(), null);
  }

  /** Process end listener of the ticket (also when its instance is deleted). */
  public void closed(DelegateExecution execution) {
    copyVariables(execution.getProcessInstance(), DeskTime.now());
    jdbc.update("UPDATE sd_sla_ticket SET for_agents = FALSE, for_specialists = FALSE WHERE process_instance_id = ?",
        execution.getProcessInstanceId());
  }

  @EventListener
  public void onTask(DelegateTask task) {
    if (!SUPPORT_REQUEST.equals(processKeyOf(task.getBpmnModelElementInstance()))) {
      return;
    }
    String processInstanceId = task.getProcessInstanceId();
    boolean initiation = INITIATE_RESOLUTION_TASK.equals(task.getTaskDefinitionKey());
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE -> {
        copyVariables(task.getExecution().getProcessInstance(), null);
        Set<String> groups = task.getCandidates().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId).collect(Collectors.toSet());
        jdbc.update("UPDATE sd_sla_ticket SET for_agents = ?, for_specialists = ? WHERE process_instance_id = ?",
            groups.contains(SupportStaff.AGENTS), groups.contains(SupportStaff.SPECIALISTS), processInstanceId);
        if (initiation) {
          // a new "Zahájit řešení" (after a reclassification) replaces the earlier one's outcome
          jdbc.update("UPDATE sd_sla_ticket SET deadline = ?, waiting = TRUE, initiation_ended_at = NULL,"
              + " started_at = NULL WHERE process_instance_id = ?", timestamp(task.getDueDate()), processInstanceId);
        }
      }
      case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> {
        jdbc.update("UPDATE sd_sla_ticket SET for_agents = FALSE, for_specialists = FALSE"
            + " WHERE process_instance_id = ?", processInstanceId);
        if (initiation) {
          OffsetDateTime now = TicketMessages.timestamp(DeskTime.now());
          boolean completed = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
          jdbc.update("UPDATE sd_sla_ticket SET waiting = FALSE, initiation_ended_at = ?, started_at = ?"
              + " WHERE process_instance_id = ?", now, completed ? now : null, processInstanceId);
        }
      }
      default -> {
        // assignment and timeout change nothing the report shows
      }
    }
  }

  /** The ticket's row with its current variables, inserted if it has none yet. */
  private void copyVariables(DelegateExecution ticket, Instant closedAt) {
    Object[] values = {ticket.getProcessBusinessKey(), text(ticket.getVariable(COMPANY_NAME)),
        text(ticket.getVariable(URGENCY)), timestamp((Date) ticket.getVariable(RECEIVED_AT)),
        timestamp((Date) ticket.getVariable(SLA_WARNING_AT)),
        closedAt == null ? null : TicketMessages.timestamp(closedAt), ticket.getProcessInstanceId()};
    int updated = jdbc.update("UPDATE sd_sla_ticket SET ticket_number = ?, company_name = ?, urgency = ?,"
        + " received_at = ?, warning_at = ?, closed_at = ? WHERE process_instance_id = ?", values);
    if (updated == 0) {
      jdbc.update("INSERT INTO sd_sla_ticket (ticket_number, company_name, urgency, received_at, warning_at,"
          + " closed_at, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
    }
  }

  /** The key of the process a task belongs to: the id of the model's process element around it. */
  private static String processKeyOf(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof Process process) {
        return process.getId();
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static OffsetDateTime timestamp(Date date) {
    return date == null ? null : TicketMessages.timestamp(date.toInstant());
  }
}
