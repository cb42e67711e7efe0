package cz.intouch.support.sla;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.PublicAddress;
import cz.intouch.support.ticket.SupportStaff;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the SLA timers on "Zahájit řešení" do. Warning: tell the assignee and the members of the task's candidate
 * groups, whoever of them has an address; a user without one is skipped, never a reason to fail the step.
 * Breach: the task is escalated to second-level support (specialists become candidates too), the managers and
 * specialists are told, and the ticket is marked {@code slaBreached} for Cockpit and reports. "Told" means a
 * notice queued for the recipient's next digest mail ({@link SlaDigest}), never a mail per ticket.
 */
@Configuration
public class SlaNotifications {

  private static final Logger log = LoggerFactory.getLogger(SlaNotifications.class);

  private final TaskService tasks;
  private final StaffAddresses staff;
  private final StaffNotices notices;
  private final PublicAddress address;
  private final SlaMetrics metrics;
  private final ManagementService management;
  private volatile String taskByInstanceAndKey;

  public SlaNotifications(TaskService tasks, ManagementService management, StaffAddresses staff, StaffNotices notices,
      PublicAddress address, SlaMetrics metrics) {
    this.tasks = tasks;
    this.management = management;
    this.staff = staff;
    this.notices = notices;
    this.address = address;
    this.metrics = metrics;
  }

  @Bean("notifySlaWarning")
  public JavaDelegate notifySlaWarning() {
    return execution -> {
      Task task = initiateResolution(execution);
      Set<String> recipients = new LinkedHashSet<>();
      if (task != null && task.getAssignee() != null) {
        staff.ofUser(task.getAssignee()).ifPresent(recipients::add);
      }
      for (String group : candidateGroups(task)) {
        recipients.addAll(staff.ofGroup(group));
      }
      if (recipients.isEmpty()) {
        log.warn("{}: nobody to warn of the SLA deadline has an e-mail address",
            execution.getVariable(TICKET_NUMBER));
      }
      notify(execution, StaffNotices.Kind.SLA_WARNING, recipients, task);
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
      Set<String> recipients = staff.ofGroup(SupportStaff.MANAGERS);
      recipients.addAll(staff.ofGroup(SupportStaff.SPECIALISTS));
      notify(execution, StaffNotices.Kind.SLA_BREACHED, recipients, task);
      metrics.breached(execution.getVariable(URGENCY));
    };
  }

  /** Queues the notice for the recipients' next digest ({@link SlaDigest}), in the step's transaction. */
  private void notify(DelegateExecution execution, StaffNotices.Kind kind, Set<String> recipients, Task task) {
    String ticketNumber = (String) execution.getVariable(TICKET_NUMBER);
    Date deadline = (Date) execution.getVariable(SLA_DEADLINE);
    Object urgency = execution.getVariable(URGENCY);
    Object companyName = execution.getVariable(COMPANY_NAME);
    notices.note(new StaffNotices.Notice(kind, ticketNumber, companyName == null ? null : companyName.toString(),
        urgency == null ? null : urgency.toString(), deadline == null ? null : deadline.toInstant(),
        task == null ? null : address.tasklistTask(task.getId())), recipients, DeskTime.now());
    log.info("Noted {} of {} for the digest of {} staff", kind, ticketNumber, recipients.size());
  }

  /**
   * The ticket's "Zahájit řešení" task. A native query: in the 16:00 storm a TaskQuery's dynamic SQL (MyBatis
   * evaluating its hundred conditions) cost a third of each timer job's CPU; this statement is built once.
   */
  private Task initiateResolution(DelegateExecution execution) {
    if (taskByInstanceAndKey == null) {
      taskByInstanceAndKey = "SELECT * FROM " + management.getTableName(Task.class)
          + " WHERE PROC_INST_ID_ = #{processInstanceId} AND TASK_DEF_KEY_ = #{taskDefinitionKey}";
    }
    return tasks.createNativeTaskQuery().sql(taskByInstanceAndKey)
        .parameter("processInstanceId", execution.getProcessInstanceId())
        .parameter("taskDefinitionKey", INITIATE_RESOLUTION_TASK).singleResult();
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
}
