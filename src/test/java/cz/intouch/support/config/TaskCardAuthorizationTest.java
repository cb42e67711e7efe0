package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What agents and specialists may read through Tasklist's filter list (the card variables of their tickets), and
 * that this read grant lets them change nothing and read nothing of Admin.
 */
@SupportDeskTest
class TaskCardAuthorizationTest {

  private static final String CARD_FILTER_BODY = "{}";

  @LocalServerPort int port;
  @Autowired TicketIntake intake;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired StaffAccessSetup staffAccessSetup;
  @Autowired ProcessEngine engine;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anAgentReadsTheCardVariablesOfHisGroupsTicketsThroughEachDeskFilter() throws Exception {
    String ticket = seriousTicketAtInitiateResolution();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
    tasks.claim(task.getId(), "agent");

    for (String filter : new String[] {StaffAccessSetup.FILTER_MY_TASKS, StaffAccessSetup.FILTER_GROUP_TASKS,
        StaffAccessSetup.FILTER_BY_SLA}) {
      Map<String, JsonNode> card = card("agent", filter, ticket);
      assertThat(card).as(filter).containsKeys("ticketNumber", "companyName", "urgencyLabel", "slaDeadline");
      assertThat(card.get("ticketNumber").get("value").asText()).isEqualTo(ticket);
      assertThat(card.get("companyName").get("value").asText()).isEqualTo("Strojírny Hořice s.r.o.");
      assertThat(card.get("urgencyLabel").get("value").asText()).isEqualTo("závažný problém");
      assertThat(card.get("slaDeadline").get("type").asText()).isEqualTo("Date");
    }
  }

  @Test
  void aSpecialistReadsTheCardVariablesOfATicketHandedOverToSecondLevel() throws Exception {
    String ticket = seriousTicketAtInitiateResolution();
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult().getId());
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult().getId(),
        Map.of("outcome", "HANDOVER"));
    EngineTestSupport.runAsyncSteps(management);

    Map<String, JsonNode> card = card("specialist", StaffAccessSetup.FILTER_GROUP_TASKS, ticket);

    assertThat(card).containsKeys("ticketNumber", "companyName", "urgencyLabel", "slaDeadline");
    assertThat(card.get("companyName").get("value").asText()).isEqualTo("Strojírny Hořice s.r.o.");
  }

  @Test
  void aTaskGrantsItsGroupOnlyTheRightToWorkItSoTaskListsStayFastAndAgentsCannotWorkSecondLevelTasks()
      throws Exception {
    String ticket = seriousTicketAtInitiateResolution();
    Task initiate = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
    // one READ row per open task would enter every task query's authorization join: tasks x rows on PostgreSQL
    Authorization perTask = engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(initiate.getId()).groupIdIn("support-agents").singleResult();
    assertThat(perTask.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isFalse();
    StaffHttp http = new StaffHttp(port);
    assertThat(http.send("GET", "/engine-rest/task/" + initiate.getId(), "agent", null, null).statusCode())
        .isEqualTo(200);

    tasks.complete(initiate.getId());
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult().getId(),
        Map.of("outcome", "HANDOVER"));
    EngineTestSupport.runAsyncSteps(management);
    Task secondLevel = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
    assertThat(secondLevel.getTaskDefinitionKey()).isEqualTo("UserTask_ResolveSecondLevel");

    // agents read the ticket's task (they read the whole ticket anyway), but only specialists may take it
    assertThat(http.send("GET", "/engine-rest/task/" + secondLevel.getId(), "agent", null, null).statusCode())
        .isEqualTo(200);
    assertThat(http.json("POST", "/engine-rest/task/" + secondLevel.getId() + "/claim", "agent",
        "{\"userId\":\"agent\"}").statusCode()).isEqualTo(403);
    assertThat(http.json("POST", "/engine-rest/task/" + secondLevel.getId() + "/complete", "agent", "{}")
        .statusCode()).isEqualTo(403);
    assertThat(http.json("POST", "/engine-rest/task/" + secondLevel.getId() + "/claim", "specialist",
        "{\"userId\":\"specialist\"}").statusCode()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(secondLevel.getId()).singleResult().getAssignee())
        .isEqualTo("specialist");
  }

  @Test
  void theReadGrantChangesNothingAndOpensNoAdminData() throws Exception {
    String ticket = seriousTicketAtInitiateResolution();
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).singleResult().getId();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("supportRequest")
        .latestVersion().singleResult().getId();
    String deploymentId = repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
        .getDeploymentId();
    StaffHttp http = new StaffHttp(port);

    for (String user : new String[] {"agent", "specialist"}) {
      // Admin data: no authorizations, no Admin app
      assertThat(http.send("GET", "/engine-rest/authorization", user, null, null).body()).isEqualTo("[]");
      assertThat(http.send("GET", "/engine-rest/authorization/count", user, null, null).body())
          .isEqualTo("{\"count\":0}");
      assertThat(http.json("POST", "/engine-rest/user/create", user,
          "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder\"}}").statusCode())
          .isEqualTo(403);
      // process definitions and deployments stay as they are
      assertThat(http.json("PUT", "/engine-rest/process-definition/" + definitionId + "/suspended", user,
          "{\"suspended\":true,\"includeProcessInstances\":false}").statusCode()).isEqualTo(403);
      assertThat(http.json("PUT", "/engine-rest/process-definition/" + definitionId + "/history-time-to-live", user,
          "{\"historyTimeToLive\":1}").statusCode()).isEqualTo(403);
      // the deployment is not even found by them (no READ on deployments)
      assertThat(http.send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", user, null, null)
          .statusCode()).isIn(403, 404);
      assertThat(http.send("POST", "/engine-rest/deployment/create", user,
          "multipart/form-data; boundary=b", multipartBpmn()).statusCode()).isEqualTo(403);
      // nor the ticket's variables, although they may read them
      assertThat(http.json("PUT", "/engine-rest/process-instance/" + instanceId + "/variables/urgency", user,
          "{\"value\":\"COSMETIC\",\"type\":\"String\"}").statusCode()).isEqualTo(403);
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
        .isSuspended()).isFalse();
    assertThat(runtime.getVariable(instanceId, "urgency")).isEqualTo("SERIOUS");
    assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("intruder").count()).isZero();
  }

  @Test
  void theDeskFiltersOfAnEarlierVersionAreUpdatedOnStart() throws Exception {
    Filter mine = filters.createFilterQuery().filterName(StaffAccessSetup.FILTER_MY_TASKS).singleResult();
    // as the previous version stored it: no follow-up condition, urgency as its code
    filters.saveFilter(mine.setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"))
        .setProperties(Map.of("priority", 1, "refresh", true, "variables",
            List.of(Map.of("name", "urgency", "label", "Naléhavost")))));

    staffAccessSetup.postProcessEngineBuild(engine);

    Filter updated = filters.getFilter(mine.getId());
    assertThat(updated.getProperties().get("variables").toString()).contains("urgencyLabel", "slaDeadline");
    assertThat(new StaffHttp(port).send("GET", "/engine-rest/filter/" + mine.getId(), "admin", null, null).body())
        .contains("\"followUpBeforeOrNotExistentExpression\":\"${now()}\"");
    assertThat(filters.createFilterQuery().filterName(StaffAccessSetup.FILTER_MY_TASKS).count()).isOne();
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private String seriousTicketAtInitiateResolution() {
    String ticket = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Program nejde spustit",
        "Po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.", null, null,
        null, "jan.novak@strojirny-horice.cz", null, null, false, null));
    EngineTestSupport.runAsyncSteps(management);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult().getTaskDefinitionKey())
        .isEqualTo("UserTask_InitiateResolution");
    return ticket;
  }

  /** The embedded variables of the ticket's card as {@code user} gets them from Tasklist's filter list call. */
  private Map<String, JsonNode> card(String user, String filterName, String ticket) throws Exception {
    StaffHttp http = new StaffHttp(port);
    HttpResponse<String> filters = http.send("GET", "/engine-rest/filter?resourceType=Task&name="
        + URLEncoder.encode(filterName, StandardCharsets.UTF_8), user, null, null);
    String filterId = json.readTree(filters.body()).get(0).get("id").asText();
    HttpResponse<String> list = new StaffHttp(port).hal("/engine-rest/filter/" + filterId + "/list", user,
        CARD_FILTER_BODY);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode taskList = json.readTree(list.body()).path("_embedded").path("task");
    JsonNode card = StreamSupport.stream(taskList.spliterator(), false)
        .filter(task -> StreamSupport.stream(task.path("_embedded").path("variable").spliterator(), false)
            .anyMatch(variable -> ticket.equals(variable.path("value").asText())))
        .findFirst().orElseThrow(() -> new AssertionError(filterName + " as " + user + " shows no card of "
            + ticket + " with its variables: " + list.body()));
    Map<String, JsonNode> variables = new HashMap<>();
    card.path("_embedded").path("variable").forEach(variable -> variables.put(variable.get("name").asText(), variable));
    return variables;
  }

  private static String multipartBpmn() {
    return "--b\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nintruder\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
        + "<process id=\"intruder\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>\r\n"
        + "--b--\r\n";
  }
}
