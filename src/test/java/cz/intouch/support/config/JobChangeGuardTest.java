package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused job call must leave the job as it was: the engine counts a refused execution as a failed attempt,
 * so three refusals would leave the SLA breach timer without retries and the escalation would never fire.
 */
@SupportDeskTest
class JobChangeGuardTest {

  @LocalServerPort int port;
  @Autowired TicketIntake intake;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  private StaffHttp http;
  private Job breachTimer;

  @BeforeEach
  void ticketWaitingForItsStart() {
    http = new StaffHttp(port);
    String ticket = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Program nejde spustit",
        "Po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.", null, null, null,
        "jan.novak@strojirny-horice.cz", null, null, false, null));
    EngineTestSupport.runAsyncSteps(management);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticket).singleResult();
    breachTimer = management.createJobQuery().processInstanceId(instance.getId())
        .activityId("BoundaryEvent_SlaBreached").timers().singleResult();
    assertThat(breachTimer.getRetries()).isEqualTo(3);
  }

  @Test
  void managersAndAgentsCannotExecuteTheSlaTimerNorBurnItsRetries() throws Exception {
    for (String user : new String[] {"manager", "agent", "specialist"}) {
      for (int attempt = 0; attempt < 4; attempt++) {
        HttpResponse<String> execute = http.json("POST", "/engine-rest/job/" + breachTimer.getId() + "/execute",
            user, "{}");
        assertThat(execute.statusCode()).as(user).isEqualTo(403);
        assertThat(execute.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
      }
    }
    // the same calls through the engine path of the REST API and the webapps' API
    assertThat(http.json("POST", "/engine-rest/engine/default/job/" + breachTimer.getId() + "/execute", "manager",
        "{}").statusCode()).isEqualTo(403);
    for (String[] appAndUser : new String[][] {{"cockpit", "manager"}, {"tasklist", "agent"}}) {
      HttpResponse<String> execute = http.login(appAndUser[0], appAndUser[1]).send("POST",
          "/camunda/api/engine/engine/default/job/" + breachTimer.getId() + "/execute", "application/json", "{}");
      assertThat(execute.statusCode()).isEqualTo(403);
      assertThat(execute.body()).contains("AuthorizationException");
    }

    Job after = management.createJobQuery().jobId(breachTimer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(3);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtime.createIncidentQuery().processInstanceId(breachTimer.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void onlyAdminsChangeJobsWhileEveryoneMayStillListThem() throws Exception {
    String job = "/engine-rest/job/" + breachTimer.getId();
    assertThat(http.json("PUT", job + "/retries", "manager", "{\"retries\": 0}").statusCode()).isEqualTo(403);
    assertThat(http.json("PUT", job + "/duedate", "manager", "{\"duedate\": null}").statusCode()).isEqualTo(403);
    assertThat(http.json("PUT", job + "/suspended", "agent", "{\"suspended\": true}").statusCode()).isEqualTo(403);
    assertThat(http.send("DELETE", job, "manager", null, null).statusCode()).isEqualTo(403);
    assertThat(http.json("PUT", "/engine-rest/job-definition/" + breachTimer.getJobDefinitionId() + "/suspended",
        "manager", "{\"suspended\": true}").statusCode()).isEqualTo(403);
    assertThat(management.createJobQuery().jobId(breachTimer.getId()).singleResult().getRetries()).isEqualTo(3);
    assertThat(management.createJobQuery().jobId(breachTimer.getId()).singleResult().isSuspended()).isFalse();

    // job queries are reads, also when Cockpit sends them as POST
    assertThat(http.send("GET", "/engine-rest/job?processInstanceId=" + breachTimer.getProcessInstanceId(), "manager",
        null, null).body()).contains(breachTimer.getId());
    assertThat(http.json("POST", "/engine-rest/job", "manager",
        "{\"processInstanceId\": \"" + breachTimer.getProcessInstanceId() + "\"}").body()).contains(breachTimer.getId());
    assertThat(http.json("POST", "/engine-rest/job/count", "manager", "{}").statusCode()).isEqualTo(200);
    assertThat(http.json("POST", "/engine-rest/job-definition/count", "manager", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void theWarningTimerAndTheBulkRetriesAreAsSafe() throws Exception {
    Job warning = management.createJobQuery().processInstanceId(breachTimer.getProcessInstanceId())
        .activityId("BoundaryEvent_SlaWarning").timers().singleResult();
    for (String user : new String[] {"manager", "agent", "specialist"}) {
      for (int attempt = 0; attempt < 4; attempt++) {
        assertThat(http.json("POST", "/engine-rest/job/" + warning.getId() + "/execute", user, "{}").statusCode())
            .as(user).isEqualTo(403);
      }
      assertThat(http.json("POST", "/engine-rest/job/retries", user,
          "{\"jobIds\": [\"" + warning.getId() + "\", \"" + breachTimer.getId() + "\"], \"retries\": 0}").statusCode())
          .as(user + " setting retries in bulk").isEqualTo(403);
    }

    for (Job timer : List.of(warning, breachTimer)) {
      Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
      assertThat(after.getRetries()).as(timer.getJobDefinitionId()).isEqualTo(3);
      assertThat(after.getExceptionMessage()).isNull();
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(breachTimer.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void anAdministratorMayExecuteTheTimer() throws Exception {
    assertThat(http.json("POST", "/engine-rest/job/" + breachTimer.getId() + "/execute", "admin", "{}").statusCode())
        .isEqualTo(204);
    assertThat(management.createJobQuery().jobId(breachTimer.getId()).count()).as("the timer fired").isZero();
  }

  @Test
  void anAdministratorMayExecuteATimerFromCockpit() throws Exception {
    Job warning = management.createJobQuery().processInstanceId(breachTimer.getProcessInstanceId())
        .activityId("BoundaryEvent_SlaWarning").timers().singleResult();
    assertThat(http.login("cockpit", "admin").send("POST",
        "/camunda/api/engine/engine/default/job/" + warning.getId() + "/execute", "application/json", "{}")
        .statusCode()).isEqualTo(204);
    assertThat(management.createJobQuery().jobId(warning.getId()).count()).as("the timer fired").isZero();
  }
}
