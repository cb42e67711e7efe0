package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.SupportDeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The JSON API of the contract: triage dry run, web/phone intake and the ticket view, over real HTTP. */
@SupportDeskTest
class TicketApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void triageOfASeriousProblemOnFridayAfternoonGivesMonday1600AndCreatesNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    long decisionsBefore = processEngine.getHistoryService().createHistoricDecisionInstanceQuery().count();
    HttpResponse<String> response = post("/api/triage", """
        {"subject": "Program nejde spustit", "body": "Po aktualizaci InTouch vůbec nejde spustit, nikdo nemůže pracovat.",
         "channel": "EMAIL", "receivedAt": "2026-11-27T15:00:00+01:00"}""");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode triage = json.readTree(response.body());
    assertThat(triage.get("scope").asText()).isEqualTo("IN_SCOPE");
    assertThat(triage.get("outOfScopeCategory").isNull()).isTrue();
    assertThat(triage.get("urgency").asText()).isEqualTo("SERIOUS");
    assertThat(triage.get("slaDeadline").asText()).isEqualTo("2026-11-30T16:00:00+01:00");
    assertThat(triage.get("language").asText()).isEqualTo("cs");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(processEngine.getHistoryService().createHistoricDecisionInstanceQuery().count())
        .as("a dry run leaves no decision history").isEqualTo(decisionsBefore);
  }

  @Test
  void triageOfACosmeticDefectHasNoDeadline() throws Exception {
    JsonNode triage = json.readTree(post("/api/triage", """
        {"subject": "Překlep", "body": "V menu je překlep v popisku tlačítka, jinak vše funguje.",
         "channel": "WEB", "receivedAt": "2026-11-25T10:00:00+01:00"}""").body());
    assertThat(triage.get("urgency").asText()).isEqualTo("COSMETIC");
    assertThat(triage.get("slaDeadline").isNull()).isTrue();
  }

  @Test
  void badInputIsA4xxJsonErrorNamingTheField() throws Exception {
    HttpResponse<String> unknownChannel = post("/api/triage", """
        {"subject": "x", "body": "y", "channel": "FAX", "receivedAt": "2026-11-25T10:00:00+01:00"}""");
    assertThat(unknownChannel.statusCode()).isEqualTo(400);
    assertThat(unknownChannel.body()).contains("channel");

    HttpResponse<String> malformed = post("/api/triage", "{\"subject\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);

    HttpResponse<String> emptyBody = post("/api/tickets", """
        {"channel": "WEB", "subject": "x", "body": ""}""");
    assertThat(emptyBody.statusCode()).isEqualTo(400);
    assertThat(emptyBody.body()).contains("body");

    long before = runtime.createProcessInstanceQuery().count();
    HttpResponse<String> invalidIco = post("/api/tickets", """
        {"channel": "WEB", "subject": "x", "body": "Nejde tisk.", "companyId": "12345678"}""");
    assertThat(invalidIco.statusCode()).isEqualTo(400);
    assertThat(json.readTree(invalidIco.body()).get("field").asText()).isEqualTo("companyId");
    assertThat(runtime.createProcessInstanceQuery().count()).as("nothing half-created").isEqualTo(before);
  }

  @Test
  void aWebTicketIsCreatedWithItsNumberAndCanBeReadBack() throws Exception {
    HttpResponse<String> created = post("/api/tickets", """
        {"channel": "WEB", "subject": "Chyba při tisku", "contactEmail": "jan.novak@strojirny-horice.cz",
         "body": "Dobrý den, ve verzi 5.3.2 nejde vytisknout fakturu, ostatní funguje."}""");
    assertThat(created.statusCode()).isEqualTo(201);
    String ticketNumber = json.readTree(created.body()).get("ticketNumber").asText();
    assertThat(ticketNumber).matches("TS-\\d{4}-\\d{6}");
    runIntakeContinuations();

    HttpResponse<String> view = get("/api/tickets/" + ticketNumber);
    assertThat(view.statusCode()).isEqualTo(200);
    JsonNode ticket = json.readTree(view.body());
    assertThat(ticket.get("ticketNumber").asText()).isEqualTo(ticketNumber);
    assertThat(ticket.get("channel").asText()).isEqualTo("WEB");
    assertThat(ticket.get("identified").asBoolean()).isTrue();
    assertThat(ticket.get("companyId").asText()).isEqualTo("28166345");
    assertThat(ticket.get("messages").get(0).get("body").asText()).contains("fakturu");
    assertThat(ticket.get("slaDeadline").asText()).as("Prague time with offset")
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+0[12]:00");

    assertThat(get("/api/tickets/TS-1999-000001").statusCode()).isEqualTo(404);
  }

  @Test
  void aLongRequestIsStoredWholeOutsideTheProcessVariables() throws Exception {
    String longBody = "Dobrý den, ve verzi 5.3.2 nejde tisk faktur. " + "Podrobný popis chyby. ".repeat(2000);
    assertThat(longBody.length()).isGreaterThan(40_000);
    HttpResponse<String> created = post("/api/tickets", json.writeValueAsString(java.util.Map.of(
        "channel", "WEB", "subject", "Tisk", "contactEmail", "jan.novak@strojirny-horice.cz", "body", longBody)));
    assertThat(created.statusCode()).isEqualTo(201);
    String ticketNumber = json.readTree(created.body()).get("ticketNumber").asText();

    JsonNode ticket = json.readTree(get("/api/tickets/" + ticketNumber).body());
    assertThat(ticket.get("messages").get(0).get("body").asText()).isEqualTo(longBody);
    String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticketNumber).singleResult().getId();
    assertThat(runtime.getVariables(instanceId).values()).noneMatch(
        value -> value instanceof String text && text.length() > 4000);
  }

  @Test
  void anAgentRecordsAPhoneCallThroughTheStartFormOfTheEngineApi() throws Exception {
    HttpResponse<String> started = post("/engine-rest/process-definition/key/supportRequest/submit-form", """
        {"variables": {
          "companyId": {"value": "28166345"}, "contactName": {"value": "Jan Novák"},
          "programVersion": {"value": "5.3.2"}, "subject": {"value": "Jak exportovat kontakty"},
          "description": {"value": "Volající se ptal, jak exportovat kontakty do Excelu."},
          "urgencyProposal": {"value": "COMMON_QUESTION"}, "answeredInCall": {"value": true},
          "channel": {"value": "PHONE"}}}""");
    assertThat(started.statusCode()).isEqualTo(200);
    String instanceId = json.readTree(started.body()).get("id").asText();
    String ticketNumber = engine().getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult().getBusinessKey();
    assertThat(ticketNumber).matches("TS-\\d{4}-\\d{6}");
    assertThat(engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("recordedBy").singleResult().getValue()).isEqualTo("agent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000-01-01T00:00:00Z", "+999999-01-01T00:00:00Z", "+999999999-01-01T00:00:00Z",
      "+1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+01:00", "2026-11-25T11:00:01+01:00", "2019-12-31T23:59:59+01:00"})
  void anImplausibleReceiptTimeIsRefusedByTriageAndIntakeNamingTheField(String receivedAt) throws Exception {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T10:00:00+01:00").toInstant()));
    long before = runtime.createProcessInstanceQuery().count();

    HttpResponse<String> triage = post("/api/triage", """
        {"subject": "Tisk", "body": "Nejde tisk faktur.", "channel": "WEB", "receivedAt": "%s"}""".formatted(receivedAt));
    HttpResponse<String> ticket = post("/api/tickets", """
        {"channel": "WEB", "subject": "Tisk", "body": "Nejde tisk faktur.", "receivedAt": "%s"}""".formatted(receivedAt));

    for (HttpResponse<String> response : List.of(triage, ticket)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo("receivedAt");
      assertThat(json.readTree(response.body()).get("message").asText()).contains("receivedAt");
    }
    assertThat(runtime.createProcessInstanceQuery().count()).as("nothing created").isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25T10:00:00+01:00", "2026-11-25T10:04:00+01:00", "2026-11-22T10:00:00+01:00"})
  void aReceiptTimeFromNowOrAFewDaysAgoIsAccepted(String receivedAt) throws Exception {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T10:00:00+01:00").toInstant()));

    assertThat(post("/api/triage", """
        {"subject": "Tisk", "body": "Nejde tisk faktur.", "channel": "WEB", "receivedAt": "%s"}""".formatted(receivedAt))
        .statusCode()).isEqualTo(200);
    HttpResponse<String> created = post("/api/tickets", """
        {"channel": "WEB", "subject": "Tisk", "body": "Nejde tisk faktur.", "receivedAt": "%s"}""".formatted(receivedAt));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("ticketNumber").asText()).startsWith("TS-2026-");
  }

  @Test
  void aPhoneCallStartedWithAnImplausibleReceiptTimeIsRefusedAndLeavesNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    HttpResponse<String> started = post("/engine-rest/process-definition/key/supportRequest/submit-form", """
        {"variables": {
          "companyId": {"value": "28166345"}, "contactName": {"value": "Jan Novák"},
          "description": {"value": "Volající se ptal na export."}, "channel": {"value": "PHONE"},
          "receivedAt": {"value": "1000-01-01T00:00:00.000+0000", "type": "Date"}}}""");
    // the engine's REST API answers a refusing delegate with its own status (500); what matters is that
    // the start is rolled back and the reason names the field
    assertThat(started.statusCode()).isNotEqualTo(200);
    assertThat(started.body()).contains("receivedAt");
    assertThat(runtime.createProcessInstanceQuery().count()).as("nothing created").isEqualTo(before);
  }

  @Test
  void whileTheCustomerIsAskedForTheVersionTheTicketAnswersWhatIdentificationFoundSoFar() throws Exception {
    HttpResponse<String> created = post("/api/tickets", """
        {"channel": "WEB", "subject": "Chyba při tisku", "companyId": "28166345",
         "body": "Dobrý den, nejde vytisknout fakturu.\\n\\nS pozdravem\\nKarel Dlouhý"}""");
    String ticketNumber = json.readTree(created.body()).get("ticketNumber").asText();
    runIntakeContinuations();

    JsonNode ticket = json.readTree(get("/api/tickets/" + ticketNumber).body());
    assertThat(ticket.get("identified").asBoolean()).isFalse();
    assertThat(ticket.get("companyId").asText()).isEqualTo("28166345");
    assertThat(ticket.get("companyName").asText()).isNotBlank();
    assertThat(ticket.get("contactName").asText()).isEqualTo("Karel Dlouhý");
    assertThat(ticket.get("programVersion").isNull()).isTrue();
    assertThat(ticket.get("missingIdentification")).extracting(JsonNode::asText).containsExactly("VERSION");
  }

  @Test
  void aBuildNumberIsAnsweredApartFromTheVersion() throws Exception {
    HttpResponse<String> created = post("/api/tickets", """
        {"channel": "WEB", "subject": "Chyba při tisku", "contactEmail": "jan.novak@strojirny-horice.cz",
         "body": "Dobrý den, ve verzi 5.3.2 (build 2318) nejde vytisknout fakturu."}""");
    String ticketNumber = json.readTree(created.body()).get("ticketNumber").asText();
    runIntakeContinuations();

    JsonNode ticket = json.readTree(get("/api/tickets/" + ticketNumber).body());
    assertThat(ticket.get("programVersion").asText()).isEqualTo("5.3.2");
    assertThat(ticket.get("programBuild").asText()).isEqualTo("2318");
    assertThat(ticket.get("missingIdentification")).isEmpty();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

  /** The job executor is off in tests: run the continuations after the intake's start event. */
  private void runIntakeContinuations() {
    var management = processEngine.getManagementService();
    management.createJobQuery().activityId("StartEvent_RequestReceived").executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  private org.camunda.bpm.engine.ProcessEngine engine() {
    return processEngine;
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("agent:agent".getBytes(StandardCharsets.UTF_8)));
  }
}
