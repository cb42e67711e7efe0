package cz.intouch.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an agent's task list is ordered by: the task's priority follows the ticket's urgency (also after a
 * reclassification), and a task that waits for the customer has a follow-up date that keeps it out of "Moje úkoly"
 * until then.
 */
@SupportDeskTest
class TaskPriorityAndFollowUpTest {

  private static final String NOVAK = "jan.novak@strojirny-horice.cz";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TicketIntake intake;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void aSeriousProblemHasTheHighestPriorityAndAReclassificationChangesIt() {
    ProcessInstance ticket = open(NOVAK, "Program nejde spustit",
        "Po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.");
    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution");
    assertThat(task(ticket).getPriority()).isEqualTo(90);
    assertThat(ticket).variables().containsEntry("urgencyLabel", "závažný problém");

    BpmnAwareTests.complete(task(ticket), Map.of("reclassifyTo", "LESS_SERIOUS"));
    runAsyncSteps();

    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution");
    assertThat(task(ticket).getPriority()).isEqualTo(70);
    assertThat(ticket).variables().containsEntry("urgencyLabel", "méně závažný problém");

    BpmnAwareTests.complete(task(ticket), Map.of("reclassifyTo", "COSMETIC"));
    runAsyncSteps();

    assertThat(ticket).isWaitingAt("UserTask_PlanIntoRelease");
    assertThat(task(ticket).getPriority()).isEqualTo(30);
    assertThat(ticket).variables().containsEntry("urgencyLabel", "kosmetická vada");
  }

  @Test
  void aCommonQuestionKeepsTheMiddlePriorityOnEveryTaskOfTheTicket() {
    ProcessInstance ticket = open(NOVAK, "Dotaz", "Dobrý den, jak nastavím uživatelská práva ve verzi 5.3.2?");
    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution");
    assertThat(task(ticket).getPriority()).isEqualTo(50);

    BpmnAwareTests.complete(task(ticket));

    assertThat(ticket).isWaitingAt("UserTask_ResolveFirstLevel");
    assertThat(task(ticket).getPriority()).isEqualTo(50);
    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "HANDOVER"));
    assertThat(ticket).isWaitingAt("UserTask_ResolveSecondLevel");
    assertThat(task(ticket).getPriority()).isEqualTo(50);
  }

  @Test
  void aCosmeticDefectHasTheLowestPriority() {
    ProcessInstance ticket = open(NOVAK, "Překlep v menu",
        "Dobrý den, v menu Nastavení je překlep v popisku, jinak vše funguje. Verze 5.3.2.");
    assertThat(ticket).isWaitingAt("UserTask_PlanIntoRelease");
    assertThat(task(ticket).getPriority()).isEqualTo(30);
  }

  @Test
  void anIdentificationWaitingForTheCustomerLeavesMyTasksUntilItsFollowUpDate() {
    // asked on Monday 9:00: the reminder goes out after 2 business days, and then the agent looks again
    ProcessInstance ticket = open("nekdo@neznama-firma.cz", "Dotaz", "Dobrý den, jak nastavím uživatelská práva?");
    ProcessInstance identification = BpmnAwareTests.calledProcessInstance(ticket);
    assertThat(identification).isWaitingAt("UserTask_CompleteIdentification");
    Task waiting = task(identification);
    assertThat(waiting.getFollowUpDate()).isEqualTo(at("2026-11-25T09:00:00+01:00"));
    assertThat(waiting.getPriority()).as("not classified yet").isEqualTo(50);
    engine.getTaskService().claim(waiting.getId(), "agent");

    ClockUtil.setCurrentTime(at("2026-11-24T16:00:00+01:00"));
    assertThat(myTasks()).extracting(Task::getId).doesNotContain(waiting.getId());

    ClockUtil.setCurrentTime(at("2026-11-25T09:01:00+01:00"));
    assertThat(myTasks()).extracting(Task::getId).contains(waiting.getId());
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  /** "Moje úkoly" as the agent sees it in Tasklist. */
  private List<Task> myTasks() {
    String filterId = filters.createFilterQuery().filterName("Moje úkoly").singleResult().getId();
    identity.setAuthentication("agent", List.of("support-agents"));
    try {
      return filters.list(filterId);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A web request received on Monday 23 November 2026, 9:00, brought to its first user task. */
  private ProcessInstance open(String from, String subject, String body) {
    Date received = at("2026-11-23T09:00:00+01:00");
    ClockUtil.setCurrentTime(received);
    String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, received.toInstant(), subject, body,
        null, null, null, from, null, null, false, null));
    ProcessInstance ticket = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticketNumber).singleResult();
    runAsyncSteps();
    return ticket;
  }

  private void runAsyncSteps() {
    EngineTestSupport.runAsyncSteps(management);
  }

  private static Date at(String isoWithOffset) {
    return Date.from(ZonedDateTime.parse(isoWithOffset).toInstant());
  }
}
