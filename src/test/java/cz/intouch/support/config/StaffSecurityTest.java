package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security as seen from outside: real HTTP against the running application. */
@SupportDeskTest
class StaffSecurityTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TicketIntake intake;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired IdentityService identity;

  /** The classes after this one share the application: "specialist" must not stay throttled for them. */
  @AfterEach
  void liftTheThrottle() {
    identity.unlockUser("specialist");
  }

  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(new java.net.CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  @Test
  void engineRestRefusesAnonymousCallers() throws Exception {
    HttpResponse<String> response = get("/engine-rest/process-definition", null, null);
    assertThat(response.statusCode()).isEqualTo(401);
  }

  // Wrong passwords use "specialist" only: the engine then throttles that user's logins (lifted after each test).
  @Test
  void engineRestRefusesAWrongPassword() throws Exception {
    assertThat(get("/engine-rest/process-definition", "specialist", "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void engineRestServesAnAgentWithTheRightPassword() throws Exception {
    HttpResponse<String> response = get("/engine-rest/process-definition?key=supportRequest", "agent", "agent");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("supportRequest");
  }

  @Test
  void ourApiRefusesAnonymousAndWrongPasswordsWithAJsonError() throws Exception {
    HttpResponse<String> anonymous = get("/api/tickets/TS-2026-000001", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");
    assertThat(get("/api/tickets/TS-2026-000001", "specialist", "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void agentCannotLogInToAdminButToTasklist() throws Exception {
    assertThat(webappLogin("admin", "agent")).isEqualTo(403);
    assertThat(webappLogin("cockpit", "agent")).isEqualTo(403);
    assertThat(webappLogin("tasklist", "agent")).isEqualTo(200);
  }

  @Test
  void managerReadsCockpitButNotAdmin() throws Exception {
    assertThat(webappLogin("cockpit", "manager")).isEqualTo(200);
    assertThat(webappLogin("admin", "manager")).isEqualTo(403);
    assertThat(webappLogin("admin", "admin")).isEqualTo(200);
  }

  @Test
  void managerSeesTasksButCannotCompleteThem() throws Exception {
    // an out-of-scope request waits for an agent's confirmation once intake and acknowledgement ran
    String ticket = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Instalace",
        "Prosíme, nainstalujte nám InTouch 5.3.2 na nový server.", null, null, null,
        "jan.novak@strojirny-horice.cz", null, null, false, null));
    // its intake continuation, then the acknowledgement ("posuzujeme, zda je požadavek v rozsahu…")
    for (int step = 0; step < 2; step++) {
      management.createJobQuery().processDefinitionKey("supportRequest").executable().list().stream()
          .filter(job -> job.getProcessInstanceId() != null)
          .forEach(job -> management.executeJob(job.getId()));
    }
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_ConfirmRefusal");

    assertThat(get("/engine-rest/task/" + task.getId(), "manager", "manager").statusCode()).isEqualTo(200);
    assertThat(post("/engine-rest/task/" + task.getId() + "/complete", "manager", "manager", "{}").statusCode())
        .isEqualTo(403);
    assertThat(post("/engine-rest/task/" + task.getId() + "/claim", "manager", "manager", "{\"userId\":\"manager\"}")
        .statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    assertThat(post("/engine-rest/task/" + task.getId() + "/complete", "agent", "agent",
        "{\"variables\": {\"refusalConfirmed\": {\"value\": false}}}").statusCode()).isEqualTo(204);
  }

  @Test
  void managerCannotStartOrChangeProcesses() throws Exception {
    HttpResponse<String> start = post("/engine-rest/process-definition/key/supportRequest/start", "manager",
        "manager", "{\"businessKey\":\"TS-2026-900002\"}");
    assertThat(start.statusCode()).isEqualTo(403);
  }

  @Test
  void onlyManagersAndAdminsRecalculateSlaDeadlines() throws Exception {
    assertThat(post("/api/sla/recalculate", "agent", "agent", "").statusCode()).isEqualTo(403);
    HttpResponse<String> manager = post("/api/sla/recalculate", "manager", "manager", "");
    assertThat(manager.statusCode()).isEqualTo(200);
    assertThat(manager.body()).contains("\"recalculated\"");
  }

  @Test
  void staffSeeTheirCzechTasklistFilters() throws Exception {
    HttpResponse<String> filters = get("/engine-rest/filter", "agent", "agent");
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body()).contains("Moje úkoly", "Úkoly mé skupiny", "Úkoly podle termínu SLA");
  }

  @Test
  void healthIsPublicButItsDetailsAreNot() throws Exception {
    HttpResponse<String> anonymous = get("/actuator/health", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("supportMailbox");
    HttpResponse<String> admin = get("/actuator/health", "admin", "admin");
    assertThat(admin.body()).contains("\"db\"", "\"mail\"", "\"supportMailbox\"");
  }

  private int webappLogin(String app, String user) throws Exception {
    // the webapps' CSRF filter wants the token from its cookie echoed in a header
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    HttpRequest login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
        .build();
    return browser.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    return http.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String password, String json) throws Exception {
    return http.send(request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
