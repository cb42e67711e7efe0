package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SupportDeskTest
class SlaRecalculationTest {

  @Autowired SlaRecalculation recalculation;
  @Autowired TicketIntake intake;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anExtraClosedDayAddedLaterMovesTheDeadlineTheTaskAndBothTimersOfWaitingTickets() {
    Date received = at("2026-11-27T15:00:00+01:00"); // Friday
    ClockUtil.setCurrentTime(received);
    String ticket = intake.open(new TicketIntake.NewRequest(Channel.WEB, received.toInstant(), "Program nejde spustit",
        "Po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.", null, null, null,
        "jan.novak@strojirny-horice.cz", null, null, false, null));
    EngineTestSupport.runAsyncSteps(management);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticket).singleResult();
    assertThat(runtime.getVariable(instance.getId(), "slaDeadline")).isEqualTo(at("2026-11-30T16:00:00+01:00"));

    // the operator closes Monday 30 November (e.g. a company event)
    SlaDeadlines withClosedMonday = new SlaDeadlines(new BusinessCalendar(ZoneId.of("Europe/Prague"),
        LocalTime.of(8, 0), LocalTime.of(16, 0), Set.of(LocalDate.of(2026, 11, 30))));
    assertThat(recalculation.recalculate(withClosedMonday)).isPositive();

    Date tuesday = at("2026-12-01T16:00:00+01:00");
    assertThat(runtime.getVariable(instance.getId(), "slaDeadline")).isEqualTo(tuesday);
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
        .isEqualTo(tuesday);
    assertThat(timer(instance, "BoundaryEvent_SlaBreached")).isEqualTo(tuesday);
    assertThat(timer(instance, "BoundaryEvent_SlaWarning"))
        .isEqualTo(Date.from(tuesday.toInstant().minus(Duration.ofHours(2))));

    // the SLA report's row of the ticket follows (the task's new due date is a task update)
    assertThat(reportRow(instance, "deadline")).isEqualTo(tuesday);
    assertThat(reportRow(instance, "warning_at")).isEqualTo(Date.from(tuesday.toInstant().minus(Duration.ofHours(2))));

    assertThat(recalculation.recalculate(withClosedMonday)).as("nothing left to move").isZero();
  }

  private Date reportRow(ProcessInstance instance, String column) {
    OffsetDateTime value = jdbc.queryForObject("SELECT " + column + " FROM sd_sla_ticket WHERE process_instance_id = ?",
        OffsetDateTime.class, instance.getId());
    return Date.from(value.toInstant());
  }

  private Date timer(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .singleResult().getDuedate();
  }

  private static Date at(String iso) {
    return Date.from(ZonedDateTime.parse(iso).toInstant());
  }
}
