package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.ticket.SupportStaff;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each group starts only the processes its work needs: agents record calls, managers plan releases. */
@SupportDeskTest
class ProcessStartAuthorizationTest {

  private static final AtomicInteger RELEASE_MINOR = new AtomicInteger(80);

  private static final String PHONE_CALL = """
      {"variables": {
        "companyId": {"value": "28166345"}, "contactName": {"value": "Jan Novák"},
        "programVersion": {"value": "5.3.2"}, "subject": {"value": "Jak exportovat kontakty"},
        "description": {"value": "Volající se ptal, jak exportovat kontakty do Excelu."},
        "urgencyProposal": {"value": "COMMON_QUESTION"}, "answeredInCall": {"value": true},
        "channel": {"value": "PHONE"}}}""";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffAccessSetup staffAccessSetup;
  private StaffHttp http;

  @BeforeEach
  void client() {
    http = new StaffHttp(port);
  }

  @Test
  void agentsAndSpecialistsStartOnlyAPhoneCallTicket() throws Exception {
    for (String user : new String[] {"agent", "specialist"}) {
      assertThat(start("releasePublication", user, release()).statusCode()).as(user).isEqualTo(403);
      assertThat(start("mailQuarantine", user, "{}").statusCode()).as(user).isEqualTo(403);
      assertThat(start("customerIdentification", user, "{}").statusCode()).as(user).isEqualTo(403);
      assertThat(start("supportRequest", user, PHONE_CALL).statusCode()).as(user).isEqualTo(200);
    }
  }

  @Test
  void managersStartOnlyAReleasePublication() throws Exception {
    assertThat(start("supportRequest", "manager", PHONE_CALL).statusCode()).isEqualTo(403);
    assertThat(start("mailQuarantine", "manager", "{}").statusCode()).isEqualTo(403);
    assertThat(start("customerIdentification", "manager", "{}").statusCode()).isEqualTo(403);
    assertThat(start("releasePublication", "manager", release()).statusCode()).isEqualTo(200);
  }

  @Test
  void tasklistOffersEachGroupTheProcessesItMayStart() throws Exception {
    // Tasklist's "Start process" list asks exactly this
    String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true";
    HttpResponse<String> agent = http.send("GET", startable, "agent", null, null);
    assertThat(agent.statusCode()).isEqualTo(200);
    assertThat(agent.body()).contains("\"key\":\"supportRequest\"").doesNotContain("releasePublication",
        "mailQuarantine", "customerIdentification");
    assertThat(http.send("GET", startable, "manager", null, null).body())
        .contains("\"key\":\"releasePublication\"").doesNotContain("supportRequest");
  }

  @Test
  void aRestartTakesBackTheWildcardStartGrantOfEarlierVersions() throws Exception {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization agentsOnEveryProcess = authorizations.createAuthorizationQuery().groupIdIn(SupportStaff.AGENTS)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    agentsOnEveryProcess.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE); // as the old setup granted
    authorizations.saveAuthorization(agentsOnEveryProcess);

    staffAccessSetup.postProcessEngineBuild(engine); // what every start runs

    Authorization corrected = authorizations.createAuthorizationQuery().groupIdIn(SupportStaff.AGENTS)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    assertThat(corrected.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isFalse();
    assertThat(corrected.isPermissionGranted(ProcessDefinitionPermissions.READ)).isTrue();
    assertThat(start("mailQuarantine", "agent", "{}").statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> start(String key, String user, String body) throws Exception {
    return http.json("POST", "/engine-rest/process-definition/key/" + key + "/submit-form", user, body);
  }

  private static String release() {
    return """
        {"variables": {"releaseVersion": {"value": "5.%d.0"}, "releaseKind": {"value": "MINOR"},
          "plannedOn": {"value": "2027-03-31"}}}""".formatted(RELEASE_MINOR.incrementAndGet());
  }
}
