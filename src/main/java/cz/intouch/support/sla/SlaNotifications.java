package cz.intouch.support.sla;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.ticket.PublicAddress;
import cz.intouch.support.ticket.SupportStaff;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the SLA timers on "Zahájit řešení" do. Warning: mail the assignee and the members of the task's candidate
 * groups, whoever of them has an address; a user without one is skipped, never a reason to fail the step.
 * Breach: the task is escalated to second-level support (specialists become candidates too), the managers are
 * told, and the ticket is marked {@code slaBreached} for Cockpit and reports.
 */
@Configuration
public class SlaNotifications {

  private static final Logger log = LoggerFactory.getLogger(SlaNotifications.class);

  private final TaskService tasks;
  private final IdentityService identity;
  private final OutboundMail outbound;
  private final PublicAddress address;
  private final SlaMetrics metrics;

  public SlaNotifications(TaskService tasks, IdentityService identity, OutboundMail outbound,
      PublicAddress address, SlaMetrics metrics) {
    this.tasks = tasks;
    this.identity = identity;
    this.outbound = outbound;
    this.address = address;
    this.metrics = metrics;
  }

  @Bean("notifySlaWarning")
  public JavaDelegate notifySlaWarning() {
    return execution -> {
      Task task = initiateResolution(execution);
      Set<String> recipients = new LinkedHashSet<>();
      if (task != null && task.getAssignee() != null) {
        emailOf(task.getAssignee()).ifPresent(recipients::add);
      }
      for (String group : candidateGroups(task)) {
        recipients.addAll(groupEmails(group));
      }
      if (recipients.isEmpty()) {
        log.warn("{}: nobody to warn of the SLA deadline has an e-mail address",
            execution.getVariable(TICKET_NUMBER));
      }
      notify(execution, MessageKind.SLA_WARNING, recipients, task);
      metrics.warned(execution.getVariable(URGENCY));
    };
  }

  @Bean("escalateSlaBreach")
  public JavaDelegate escalateSlaBreach() {
    return execution -> {
      execution.setVariable(SLA_BREACHED, true);
      Task task = initiateResolution(execution);
      if (task != null) {
        tasks.addCandidateGroup(task.getId(), SupportStaff.SPECIALISTS);
        tasks.setPriority(task.getId(), Math.max(task.getPriority(), 100));
      }
      Set<String> recipients = groupEmails(SupportStaff.MANAGERS);
      recipients.addAll(groupEmails(SupportStaff.SPECIALISTS));
      notify(execution, MessageKind.SLA_BREACHED, recipients, task);
      metrics.breached(execution.getVariable(URGENCY));
    };
  }

  private void notify(DelegateExecution execution, MessageKind kind, Set<String> recipients, Task task) {
    String ticketNumber = (String) execution.getVariable(TICKET_NUMBER);
    Date deadline = (Date) execution.getVariable(SLA_DEADLINE);
    Object urgency = execution.getVariable(URGENCY);
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("companyName", execution.getVariable(COMPANY_NAME));
    model.put("urgency", urgency);
    model.put("slaDeadline", deadline);
    model.put("taskUrl", task == null ? "" : address.tasklistTask(task.getId()));
    for (String recipient : recipients) {
      // one mail per recipient and timer firing; a retried job finds the ones already sent
      outbound.send(kind, ticketNumber, recipient, model,
          ticketNumber + ":" + kind + ":" + deadline.getTime() + ":" + recipient);
    }
  }

  private Task initiateResolution(DelegateExecution execution) {
    return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(INITIATE_RESOLUTION_TASK).singleResult();
  }

  /** The task's candidate groups; the agents' group when the task has already been completed. */
  private List<String> candidateGroups(Task task) {
    if (task == null) {
      return List.of(SupportStaff.AGENTS);
    }
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private Set<String> groupEmails(String group) {
    Set<String> emails = new LinkedHashSet<>();
    for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
      addressOf(user).ifPresent(emails::add);
    }
    return emails;
  }

  private Optional<String> emailOf(String userId) {
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
        .flatMap(SlaNotifications::addressOf);
  }

  private static Optional<String> addressOf(User user) {
    return Optional.ofNullable(user.getEmail()).filter(email -> !email.isBlank());
  }
}
