package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.SupportDeskTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page of Camunda's webapps calls the read-only /api GETs for its plugins with its user's webapp session, and
 * nothing else: no other /api endpoint, no POST, nothing after logout.
 */
@SupportDeskTest
class WebappSessionApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private StaffHttp http;
  private String ticket;

  @BeforeEach
  void openTicket() throws Exception {
    http = new StaffHttp(port);
    HttpResponse<String> created = http.json("POST", "/api/tickets", "agent", """
        {"channel": "WEB", "subject": "Export", "body": "Jak vyexportuji kontakty do Excelu?",
         "companyId": "28166345", "contactName": "Jan Novák", "contactEmail": "jan.novak@strojirny-horice.cz",
         "programVersion": "5.3.2"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    ticket = json.readTree(created.body()).get("ticketNumber").asText();
  }

  @Test
  void aTasklistSessionReadsTheConversationOfATicket() throws Exception {
    StaffHttp.WebappSession agent = http.login("tasklist", "agent");

    HttpResponse<String> conversation = agent.send("GET", "/api/tickets/" + ticket + "/conversation", null, null);

    assertThat(conversation.statusCode()).as(conversation.body()).isEqualTo(200);
    assertThat(json.readTree(conversation.body()).get("messages").get(0).get("body").asText())
        .contains("Jak vyexportuji kontakty");
    assertThat(json.readTree(conversation.body()).get("cockpitUrl").isNull()).isTrue();
    HttpResponse<String> asManager = http.login("cockpit", "manager")
        .send("GET", "/api/tickets/" + ticket + "/conversation", null, null);
    assertThat(json.readTree(asManager.body()).get("cockpitUrl").asText()).contains("/process-instance/");
  }

  @Test
  void aPluginsReadKeepsTheSessionSoThePagesOtherRequestsStayLoggedIn() throws Exception {
    StaffHttp.WebappSession manager = http.login("cockpit", "manager");
    String sessionId = manager.sessionId();

    HttpResponse<String> report = manager.send("GET", "/api/reports/sla", null, null);

    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    // a new id here would leave the Cockpit requests already under way with the old one, answered 401: logged out
    assertThat(manager.sessionId()).isEqualTo(sessionId);
    HttpResponse<String> dashboard = manager.send("GET", "/camunda/api/engine/engine/default/task/count", null, null);
    assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
  }

  @Test
  void theSessionCountsOnlyForTheListedReadOnlyGets() throws Exception {
    StaffHttp.WebappSession agent = http.login("tasklist", "agent");

    // a state-changing call rides on no cookie: the webapps' CSRF filter does not guard /api
    HttpResponse<String> post = agent.send("POST", "/api/tickets", "application/json", """
        {"channel": "WEB", "subject": "Podvržený", "body": "Podvržený požadavek."}""");
    assertThat(post.statusCode()).as(post.body()).isEqualTo(401);
    assertThat(agent.send("GET", "/api/tickets/" + ticket, null, null).statusCode()).as("not listed").isEqualTo(401);
    assertThat(agent.send("GET", "/api/releases", null, null).statusCode()).as("not listed").isEqualTo(401);
  }

  @Test
  void theSessionGivesTheUsersRolesAndEndsWithTheLogout() throws Exception {
    StaffHttp.WebappSession agent = http.login("tasklist", "agent");
    // an agent's session is an agent: the managers' reports stay closed to it
    HttpResponse<String> report = agent.send("GET", "/api/reports/sla", null, null);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(403);

    HttpResponse<String> logout = agent.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null);
    assertThat(logout.statusCode()).isLessThan(300);
    assertThat(agent.send("GET", "/api/tickets/" + ticket + "/conversation", null, null).statusCode())
        .isEqualTo(401);
  }
}
