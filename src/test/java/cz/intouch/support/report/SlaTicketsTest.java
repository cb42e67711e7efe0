package cz.intouch.support.report;

import static cz.intouch.support.ticket.TicketVariables.INITIATE_RESOLUTION_TASK;
import static cz.intouch.support.ticket.TicketVariables.SLA_BREACHED_TIMER;
import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA report's own row of a ticket (sd_sla_ticket) follows the ticket through the real engine: received,
 * reclassified, escalated after its deadline, started and closed. Each step is one engine transaction that writes the
 * row too.
 */
@SupportDeskTest
class SlaTicketsTest {

  private static final String SERIOUS_TEXT =
      "Dobrý den, po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.";

  @Autowired TicketIntake intake;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired SlaTicketRepair repair;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRowFollowsReclassificationEscalationStartAndClose() {
    // Monday 2 March 2026 9:00, a serious problem: deadline Tuesday 16:00
    ProcessInstance ticket = open("2026-03-02T09:00:00+01:00");
    Map<String, Object> row = row(ticket);
    assertThat(row).containsEntry("ticket_number", ticket.getBusinessKey())
        .containsEntry("company_name", "Strojírny Hořice s.r.o.").containsEntry("urgency", "SERIOUS")
        .containsEntry("waiting", true).containsEntry("for_agents", true).containsEntry("for_specialists", false);
    assertThat(instant(row, "received_at")).isEqualTo(at("2026-03-02T09:00:00+01:00"));
    assertThat(instant(row, "deadline")).isEqualTo(initiation(ticket).getDueDate());
    assertThat(row.get("closed_at")).isNull();
    assertThat(row.get("started_at")).isNull();

    // reclassified an hour later: a new "Zahájit řešení" with the less serious deadline, receipt + 7 days
    complete(initiation(ticket), "2026-03-02T10:00:00+01:00", Map.of("reclassifyTo", "LESS_SERIOUS"));
    row = row(ticket);
    assertThat(row).containsEntry("urgency", "LESS_SERIOUS").containsEntry("waiting", true);
    assertThat(row.get("started_at")).isNull();
    assertThat(row.get("initiation_ended_at")).isNull();
    Date deadline = initiation(ticket).getDueDate();
    assertThat(instant(row, "deadline")).isEqualTo(deadline).isAfter(at("2026-03-06T00:00:00+01:00"));

    // the deadline passes: escalated, the specialists become candidates too
    Job breach = management.createJobQuery().processInstanceId(ticket.getId()).activityId(SLA_BREACHED_TIMER)
        .singleResult();
    ClockUtil.setCurrentTime(breach.getDuedate());
    management.executeJob(breach.getId());
    EngineTestSupport.runAsyncSteps(management);
    assertThat(row(ticket)).containsEntry("for_agents", true).containsEntry("for_specialists", true)
        .containsEntry("waiting", true);

    // resolution starts the day after the deadline
    Date started = new Date(deadline.getTime() + 24 * 3600_000L);
    ClockUtil.setCurrentTime(started);
    tasks.complete(initiation(ticket).getId());
    EngineTestSupport.runAsyncSteps(management);
    row = row(ticket);
    assertThat(row).containsEntry("waiting", false).containsEntry("for_agents", true)
        .containsEntry("for_specialists", false);
    assertThat(instant(row, "started_at")).isEqualTo(started);
    assertThat(instant(row, "initiation_ended_at")).isEqualTo(started);

    // resolved, and closed once the customer's week to react is over
    Task resolve = tasks.createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey("UserTask_ResolveFirstLevel").singleResult();
    tasks.complete(resolve.getId(), Map.of("outcome", "RESOLVED", "agentMessage", "Opraveno v nastavení."));
    EngineTestSupport.runAsyncSteps(management);
    Job reopenPeriod = management.createJobQuery().processInstanceId(ticket.getId()).timers().singleResult();
    ClockUtil.setCurrentTime(reopenPeriod.getDuedate());
    management.executeJob(reopenPeriod.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ticket.getId()).count()).isZero();
    row = row(ticket);
    assertThat(instant(row, "closed_at")).isEqualTo(reopenPeriod.getDuedate());
    assertThat(row).containsEntry("for_agents", false).containsEntry("for_specialists", false)
        .containsEntry("waiting", false);
    assertThat(instant(row, "started_at")).isEqualTo(started);
  }

  @Test
  void aTicketDeletedWithoutItsListenersIsClosedByTheRepair() {
    ProcessInstance ticket = open("2026-03-03T09:00:00+01:00");
    ClockUtil.setCurrentTime(at("2026-03-03T10:00:00+01:00"));
    // as Cockpit's "skip custom listeners" does: no end listener, no task events
    runtime.deleteProcessInstance(ticket.getId(), "deleted in Cockpit", true);
    assertThat(row(ticket)).containsEntry("closed_at", null).containsEntry("waiting", true);

    assertThat(repair.closeEnded()).isPositive();
    Map<String, Object> row = row(ticket);
    assertThat(instant(row, "closed_at")).isEqualTo(at("2026-03-03T10:00:00+01:00"));
    assertThat(row).containsEntry("waiting", false).containsEntry("for_agents", false);
    assertThat(repair.closeEnded()).isZero();
  }

  private ProcessInstance open(String receivedAt) {
    Date received = at(receivedAt);
    ClockUtil.setCurrentTime(received);
    String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, received.toInstant(),
        "Program nejde spustit", SERIOUS_TEXT, null, null, null, SlaReportTest.NOVAK, null, null, false, null));
    ProcessInstance ticket = runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST)
        .processInstanceBusinessKey(ticketNumber).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(ticket.getId())
        .activityId("StartEvent_RequestReceived").singleResult().getId());
    EngineTestSupport.runAsyncSteps(management);
    return ticket;
  }

  private Task initiation(ProcessInstance ticket) {
    return tasks.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(INITIATE_RESOLUTION_TASK)
        .singleResult();
  }

  private void complete(Task task, String at, Map<String, Object> variables) {
    ClockUtil.setCurrentTime(at(at));
    tasks.complete(task.getId(), variables);
    EngineTestSupport.runAsyncSteps(management);
  }

  private Map<String, Object> row(ProcessInstance ticket) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.queryForMap("SELECT * FROM sd_sla_ticket WHERE process_instance_id = ?", ticket.getId())
        .forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
    return row;
  }

  private Date instant(Map<String, Object> row, String column) {
    Object value = jdbc.queryForObject("SELECT " + column + " FROM sd_sla_ticket WHERE process_instance_id = ?",
        (rs, n) -> rs.getObject(1, OffsetDateTime.class), row.get("process_instance_id"));
    return value == null ? null : Date.from(((OffsetDateTime) value).toInstant());
  }

  private static Date at(String isoWithOffset) {
    return SlaReportTest.at(isoWithOffset);
  }
}
