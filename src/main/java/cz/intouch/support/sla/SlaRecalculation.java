package cz.intouch.support.sla;

import static cz.intouch.support.ticket.TicketVariables.*;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Timer due dates are computed once, when "Zahájit řešení" starts. When the operator changes the business calendar
 * (an extra closed day), this recomputes the deadline and the warning of every ticket still waiting there and moves
 * its task's due date and both timers. It runs on every start (a no-op when nothing changed) and on request.
 */
@Service
public class SlaRecalculation {

  private static final Logger log = LoggerFactory.getLogger(SlaRecalculation.class);

  private final SlaDeadlines deadlines;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  public SlaRecalculation(SlaDeadlines deadlines, TaskService tasks, RuntimeService runtime,
      ManagementService management) {
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    int moved = recalculate();
    if (moved > 0) {
      log.info("Business calendar changed: SLA deadlines of {} waiting tickets recomputed", moved);
    }
  }

  /** @return how many tickets got a different deadline or warning */
  public int recalculate() {
    return recalculate(deadlines);
  }

  int recalculate(SlaDeadlines calendar) {
    int moved = 0;
    for (Task task : tasks.createTaskQuery().processDefinitionKey(SUPPORT_REQUEST)
        .taskDefinitionKey(INITIATE_RESOLUTION_TASK).list()) {
      Map<String, Object> variables = runtime.getVariables(task.getProcessInstanceId());
      TicketSlaDates dates = TicketSlaDates.of(calendar, variables::get);
      Date deadline = dates.deadline();
      Date warning = dates.warning();
      if (deadline == null || (Objects.equals(deadline, variables.get(SLA_DEADLINE))
          && Objects.equals(warning, variables.get(SLA_WARNING_AT)))) {
        continue;
      }
      runtime.setVariable(task.getProcessInstanceId(), SLA_DEADLINE, deadline);
      runtime.setVariable(task.getProcessInstanceId(), SLA_WARNING_AT, warning);
      tasks.setDueDate(task.getId(), deadline);
      moveTimer(task.getProcessInstanceId(), SLA_BREACHED_TIMER, deadline);
      moveTimer(task.getProcessInstanceId(), SLA_WARNING_TIMER, warning);
      moved++;
    }
    return moved;
  }

  /** A timer that already fired has no job any more: nothing to move. */
  private void moveTimer(String processInstanceId, String activityId, Date dueDate) {
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
        .singleResult();
    if (timer != null && dueDate != null) {
      management.setJobDuedate(timer.getId(), dueDate);
    }
  }
}
