package cz.intouch.support.ticket;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The priority of a ticket's user task from its urgency, for {@code camunda:priority="${taskPriority.of(execution)}"}
 * on the tasks of {@code bpmn/support-request.bpmn}. The engine evaluates it when a task is created, so the tasks
 * after a reclassification carry the new urgency's priority. The numbers live in {@link Urgency}.
 */
@Component("taskPriority")
public class TaskPriority {

  /** Priority before a ticket is classified: the engine's own default. */
  public static final int UNCLASSIFIED = 50;

  public int of(VariableScope scope) {
    Object urgency = scope.getVariable(TicketVariables.URGENCY);
    return urgency == null ? UNCLASSIFIED : Codes.byName(Urgency.class, urgency.toString(), "urgency").taskPriority();
  }
}
