package cz.intouch.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.sla.SlaDigest;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.TicketMessages;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The support policy as scenarios through the deployed supportRequest and customerIdentification models,
 * with the engine clock set by hand and asynchronous steps and timers executed by the test.
 */
@SupportDeskTest
class SupportRequestProcessTest {

  private static final String NOVAK = "jan.novak@strojirny-horice.cz";
  private static final String KUCERA = "zdenek.kucera@dopravavltava.cz"; // company with an expired contract

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired TicketIntake intake;
  @Autowired TicketMessages messages;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired SlaDigest digest;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    mailServer.greenMail().purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void seriousProblemReportedOnFriday1500MustBeStartedByMonday1600WithWarningAndEscalation() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Program nejde spustit",
        "Dobrý den, po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.",
        "2026-11-27T15:00:00+01:00");

    assertThat(ticket).isWaitingAt("ServiceTask_Acknowledge");
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution")
        .variables().containsEntry("identified", true).containsEntry("contractValid", true)
        .containsEntry("scope", "IN_SCOPE").containsEntry("urgency", "SERIOUS").containsEntry("status", "OPEN")
        .containsEntry("companyId", "28166345").containsEntry("programVersion", "5.3.2")
        .containsEntry("urgencyLabel", "závažný problém");
    Date deadline = at("2026-11-30T16:00:00+01:00");
    assertThat(variable(ticket, "slaDeadline")).isEqualTo(deadline);
    assertThat(task(ticket)).hasDueDate(deadline).hasCandidateGroup("support-agents");
    assertThat(timer(ticket, "BoundaryEvent_SlaWarning").getDuedate()).isEqualTo(at("2026-11-30T14:00:00+01:00"));
    assertThat(timer(ticket, "BoundaryEvent_SlaBreached").getDuedate()).isEqualTo(deadline);

    MimeMessage acknowledgement = lastMailTo(NOVAK);
    assertThat(acknowledgement.getSubject()).contains("[" + ticket.getBusinessKey() + "]");
    assertThat(body(acknowledgement)).contains("závažný problém", "nejpozději do pondělí 30. listopadu 2026 16:00");

    fire(ticket, "BoundaryEvent_SlaWarning");
    digest.sendDue();
    assertThat(body(lastMailTo("agent@intouch-crm.cz"))).contains(ticket.getBusinessKey(), "se blíží termín");
    assertThat(variable(ticket, "slaBreached")).isEqualTo(false);

    fire(ticket, "BoundaryEvent_SlaBreached");
    assertThat(variable(ticket, "slaBreached")).isEqualTo(true);
    assertThat(tasks.getIdentityLinksForTask(task(ticket).getId())).extracting(IdentityLink::getGroupId)
        .contains("support-agents", "support-specialists");
    digest.sendDue();
    assertThat(body(lastMailTo("manager@intouch-crm.cz"))).contains(ticket.getBusinessKey(), "uplynul termín");
    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution");
  }

  @Test
  void theSlaWarningForATaskAssignedToSomeoneWithoutAnAddressStillReachesTheGroup() throws Exception {
    User noAddress = identity.newUser("nomail");
    noAddress.setFirstName("Bez");
    noAddress.setLastName("Adresy");
    identity.saveUser(noAddress);
    identity.createMembership("nomail", "support-agents");
    try {
      ProcessInstance ticket = open(NOVAK, "Program nejde spustit",
          "Po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.",
          "2026-11-27T15:00:00+01:00");
      runAsyncSteps();
      tasks.claim(task(ticket).getId(), "nomail");

      fire(ticket, "BoundaryEvent_SlaWarning");
      digest.sendDue();

      assertThat(body(lastMailTo("agent@intouch-crm.cz"))).contains(ticket.getBusinessKey());
      assertThat(runtime.createIncidentQuery().processInstanceId(ticket.getId()).count()).isZero();
      assertThat(management.createJobQuery().processInstanceId(ticket.getId()).withException().count()).isZero();
      assertThat(ticket).hasPassed("EndEvent_SlaWarningSent").isWaitingAt("UserTask_InitiateResolution");
    } finally {
      identity.deleteUser("nomail");
    }
  }

  @Test
  void reclassificationRecomputesTheDeadlineAndTheTimers() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Program nejde spustit",
        "Program InTouch 5.3.2 nejde spustit, padá hned po startu.", "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution");

    BpmnAwareTests.complete(task(ticket), Map.of("reclassifyTo", "LESS_SERIOUS"));
    runAsyncSteps();

    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution").variables()
        .containsEntry("urgency", "LESS_SERIOUS");
    Date deadline = at("2026-12-02T10:00:00+01:00");
    assertThat(task(ticket)).hasDueDate(deadline);
    assertThat(timer(ticket, "BoundaryEvent_SlaBreached").getDuedate()).isEqualTo(deadline);
  }

  @Test
  void cosmeticDefectHasNoTimerAndIsClosedWhenTheReleaseWithTheFixIsPublished() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Překlep v menu",
        "Dobrý den, v menu Nastavení je překlep v popisku, jinak vše funguje. Verze 5.3.2.",
        "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("UserTask_PlanIntoRelease").variables()
        .containsEntry("urgency", "COSMETIC").containsEntry("status", "WAITING_FOR_RELEASE")
        .containsEntry("newestVersion", "5.3.2").containsKey("plannedRelease");
    assertThat(task(ticket)).hasCandidateGroup("support-agents");
    BpmnAwareTests.complete(task(ticket));
    assertThat(ticket).isWaitingAt("Event_ReleasePublished");
    assertThat(variable(ticket, "slaDeadline")).isNull();
    assertThat(management.createJobQuery().processInstanceId(ticket.getId()).timers().count()).isZero();

    runtime.createMessageCorrelation("releasePublished").processInstanceBusinessKey(ticket.getBusinessKey())
        .setVariable("releaseVersion", "5.4.0").correlate();
    runAsyncSteps();

    assertThat(ticket).isEnded().hasPassed("EndEvent_FixedInRelease");
    assertThat(body(lastMailTo(NOVAK))).contains("5.4.0");
  }

  @Test
  void outOfScopeRequestConfirmedByAnAgentIsRefusedWithTheReason() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Instalace na nový server",
        "Dobrý den, prosíme, nainstalujte nám InTouch 5.3.2 na nový server, přijeďte k nám do firmy.",
        "2026-11-25T10:00:00+01:00");
    acknowledgeScopeReview(ticket);
    assertThat(ticket).isWaitingAt("UserTask_ConfirmRefusal").variables()
        .containsEntry("scope", "OUT_OF_SCOPE").containsKey("outOfScopeCategory")
        .hasEntrySatisfying("outOfScopeReason", reason -> assertThat(reason.toString()).isNotBlank());
    assertThat(task(ticket)).hasCandidateGroup("support-agents");

    BpmnAwareTests.complete(task(ticket), Map.of("refusalConfirmed", true));
    runAsyncSteps();

    assertThat(ticket).isEnded().hasPassed("EndEvent_RefusedOutOfScope");
    assertThat(variable(ticket, "status")).isEqualTo("REFUSED");
    assertThat(body(lastMailTo(NOVAK))).containsAnyOf("instalace", "servis u zákazníka");
  }

  @Test
  void aRequestProposedForRefusalIsAcknowledgedAtOnceWithItsNumberBeforeTheAgentDecides() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Převoz serveru",
        "Dobrý den, prosíme, převezte nám server s InTouch 5.3.2 do nové kanceláře.", "2026-11-25T10:00:00+01:00");
    assertThat(ticket).isWaitingAt("ServiceTask_AcknowledgeScopeReview");

    runAsyncSteps();

    assertThat(ticket).hasPassed("ServiceTask_AcknowledgeScopeReview").isWaitingAt("UserTask_ConfirmRefusal");
    MimeMessage acknowledgement = lastMailTo(NOVAK);
    assertThat(acknowledgement.getSubject()).contains("[" + ticket.getBusinessKey() + "]");
    assertThat(body(acknowledgement)).contains(ticket.getBusinessKey())
        .contains("posuzujeme, zda je požadavek v rozsahu technické podpory");
  }

  @Test
  void outOfScopeVerdictOverriddenByAnAgentIsServed() {
    ProcessInstance ticket = open(NOVAK, "Instalace na nový server",
        "Dobrý den, prosíme, nainstalujte nám InTouch 5.3.2 na nový server.", "2026-11-25T10:00:00+01:00");
    acknowledgeScopeReview(ticket);
    assertThat(ticket).isWaitingAt("UserTask_ConfirmRefusal");

    BpmnAwareTests.complete(task(ticket), Map.of("refusalConfirmed", false));

    assertThat(ticket).hasPassed("BusinessRuleTask_Urgency").isWaitingAt("ServiceTask_Acknowledge");
  }

  @Test
  void anOverriddenTicketIsClassifiedFromItsTextAfterTheAgentsDecision() {
    ProcessInstance ticket = open(NOVAK, "Přijeďte prosím",
        "Dobrý den, přijeďte k nám, InTouch 5.3.2 po spuštění padá a nikdo z nás nemůže pracovat.",
        "2026-11-25T10:00:00+01:00");
    acknowledgeScopeReview(ticket);
    assertThat(ticket).isWaitingAt("UserTask_ConfirmRefusal");

    BpmnAwareTests.complete(task(ticket), Map.of("refusalConfirmed", false));

    // the decision inputs are transient: provided again when the ticket reaches urgency after the wait
    assertThat(ticket).isWaitingAt("ServiceTask_Acknowledge").variables().containsEntry("urgency", "SERIOUS")
        .doesNotContainKeys("text", "suggestedScope", "suggestedUrgency");
  }

  @Test
  void missingIdentificationIsAskedForAndTheSlaStartsWithTheCompletingReply() throws Exception {
    ProcessInstance ticket = open("nekdo@neznama-firma.cz", "Dotaz",
        "Dobrý den, jak nastavím uživatelská práva?", "2026-11-23T09:00:00+01:00");
    runAsyncSteps();
    ProcessInstance identification = BpmnAwareTests.calledProcessInstance(ticket);
    assertThat(identification).isWaitingAt("UserTask_CompleteIdentification");
    assertThat(ticket).isWaitingAt("CallActivity_Identification").variables()
        .as("the ticket's one status says what it waits for").containsEntry("status", "AWAITING_IDENTIFICATION");
    assertThat(identification).variables().as("only what identification needs travels into it")
        .containsEntry("ticketNumber", ticket.getBusinessKey()).containsEntry("contactEmail", "nekdo@neznama-firma.cz")
        .doesNotContainKeys("status", "urgencyProposal", "answeredInCall", "slaBreached");
    String asked = body(lastMailTo("nekdo@neznama-firma.cz"));
    assertThat(asked).contains("IČO nebo název Vaší společnosti", "verzi programu InTouch CRM");
    assertThat(management.createJobQuery().processInstanceId(ticket.getId()).timers().count())
        .as("no SLA runs while identification is incomplete").isZero();

    Instant replyAt = Instant.parse("2026-11-24T14:30:00Z");
    ClockUtil.setCurrentTime(Date.from(replyAt));
    messages.recordIncoming(ticket.getBusinessKey(), "REPLY", "EMAIL", "nekdo@neznama-firma.cz",
        "RE: [" + ticket.getBusinessKey() + "]", "Jsme Strojírny Hořice, IČO 28166345, používáme verzi 5.2.1.\n\n"
            + "S pozdravem\nKarel Svoboda", replyAt, null);
    runtime.createMessageCorrelation("customerReplied").processInstanceBusinessKey(ticket.getBusinessKey())
        .setVariable("lastMessageReceivedAt", Date.from(replyAt)).correlate();
    runAsyncSteps();

    assertThat(ticket).hasPassed("CallActivity_Identification").isWaitingAt("UserTask_InitiateResolution")
        .variables().containsEntry("identified", true).containsEntry("contactName", "Karel Svoboda")
        .containsEntry("companyId", "28166345").containsEntry("programVersion", "5.2.1")
        .containsEntry("urgency", "COMMON_QUESTION");
    // the day after the completing reply (Tuesday), not after the first mail (Monday)
    assertThat(variable(ticket, "slaDeadline")).isEqualTo(at("2026-11-25T16:00:00+01:00"));
  }

  @Test
  void aCustomerWhoStaysSilentIsRemindedAndAfterFiveBusinessDaysPolitelyRefused() throws Exception {
    ProcessInstance ticket = open("nekdo@neznama-firma.cz", "Dotaz",
        "Dobrý den, jak nastavím uživatelská práva?", "2026-11-23T09:00:00+01:00");
    runAsyncSteps();
    ProcessInstance identification = BpmnAwareTests.calledProcessInstance(ticket);
    // asked on Monday 9:00: reminded after 2 business days, refused after 5
    assertThat(timer(identification, "BoundaryEvent_IdentificationReminder").getDuedate())
        .isEqualTo(at("2026-11-25T09:00:00+01:00"));
    assertThat(timer(identification, "BoundaryEvent_CustomerSilent").getDuedate())
        .isEqualTo(at("2026-11-30T09:00:00+01:00"));

    fire(identification, "BoundaryEvent_IdentificationReminder");
    assertThat(identification).isWaitingAt("UserTask_CompleteIdentification");
    fire(identification, "BoundaryEvent_CustomerSilent");

    assertThat(identification).isEnded().hasPassed("ServiceTask_RefuseUnidentified");
    assertThat(ticket).isEnded().hasPassed("EndEvent_RefusedUnidentified");
    assertThat(mailsTo("nekdo@neznama-firma.cz")).hasSize(3);
  }

  @Test
  void anAgentCanCompleteIdentificationByHand() {
    ProcessInstance ticket = open("nekdo@neznama-firma.cz", "Dotaz",
        "Dobrý den, jak nastavím uživatelská práva?", "2026-11-23T09:00:00+01:00");
    runAsyncSteps();
    ProcessInstance identification = BpmnAwareTests.calledProcessInstance(ticket);

    BpmnAwareTests.complete(task(identification), Map.of("companyId", "04718232", "contactName", "Lukáš Černý",
        "programVersion", "5.3.0"));

    assertThat(identification).isEnded().hasPassed("ServiceTask_AcceptAgentIdentification");
    assertThat(ticket).variables().containsEntry("identified", true).containsEntry("contractValid", true)
        .containsEntry("companyName", "Pekárna U Zlatého klasu a.s.");
  }

  @Test
  void expiredContractIsRefusedWhenTheAgentSaysSo() throws Exception {
    ProcessInstance ticket = open(KUCERA, "Nejde tisk",
        "Dobrý den, ve verzi 5.1.0 nejde tisknout faktury.", "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("UserTask_DecideExpiredContract").variables()
        .containsEntry("contractValid", false);
    assertThat(body(lastMailTo(KUCERA))).contains("31. prosince 2025");

    BpmnAwareTests.complete(task(ticket), Map.of("servePaid", false));
    runAsyncSteps();
    assertThat(ticket).isEnded().hasPassed("EndEvent_RefusedExpiredContract");
  }

  @Test
  void expiredContractCanBeServedAsAPaidRequest() {
    ProcessInstance ticket = open(KUCERA, "Nejde tisk",
        "Dobrý den, ve verzi 5.1.0 nejde tisknout faktury.", "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    BpmnAwareTests.complete(task(ticket), Map.of("servePaid", true));
    assertThat(ticket).hasPassed("BusinessRuleTask_Scope", "BusinessRuleTask_Urgency");
  }

  @Test
  void phoneCallAnsweredDuringTheCallIsClosedAtOnce() {
    ClockUtil.setCurrentTime(at("2026-11-25T10:00:00+01:00"));
    ProcessInstance ticket = runtime.startProcessInstanceByKey("supportRequest", Map.of(
        "companyId", "28166345", "contactName", "Jan Novák", "programVersion", "5.3.2",
        "subject", "Jak exportovat kontakty", "description", "Volající se ptal, jak exportovat kontakty do Excelu.",
        "urgencyProposal", "COMMON_QUESTION", "answeredInCall", true));
    runAsyncSteps();

    assertThat(ticket).isEnded().hasPassed("Gateway_AcknowledgeNeeded", "EndEvent_AnsweredInCall")
        .as("the caller got the answer on the phone: the model shows no acknowledgement")
        .hasNotPassed("ServiceTask_Acknowledge");
    String ticketNumber = runtime.createProcessInstanceQuery().processInstanceId(ticket.getId()).count() == 0
        ? engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(ticket.getId())
            .singleResult().getBusinessKey() : null;
    assertThat(ticketNumber).matches("TS-2026-\\d{6}");
    assertThat(messages.of(ticketNumber)).extracting("body").contains(
        "Volající se ptal, jak exportovat kontakty do Excelu.");
  }

  @Test
  void firstLevelAsksTheCustomerHandsOverAndTheResolutionIsReopenedOnceThenClosed() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Chyba při exportu",
        "Ve verzi 5.3.2 končí export do Excelu chybou.", "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    BpmnAwareTests.complete(task(ticket));
    assertThat(ticket).isWaitingAt("UserTask_ResolveFirstLevel");

    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "ASK_CUSTOMER",
        "agentMessage", "Pošlete nám prosím snímek obrazovky s chybou."));
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("Gateway_AwaitCustomer");
    assertThat(body(lastMailTo(NOVAK))).contains("snímek obrazovky");

    runtime.createMessageCorrelation("customerReplied").processInstanceBusinessKey(ticket.getBusinessKey()).correlate();
    assertThat(ticket).isWaitingAt("UserTask_ResolveFirstLevel");

    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "HANDOVER"));
    assertThat(ticket).isWaitingAt("UserTask_ResolveSecondLevel");
    assertThat(task(ticket)).hasCandidateGroup("support-specialists");

    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "RESOLVED",
        "agentMessage", "Chybu způsobuje poškozená šablona exportu, opravili jsme ji."));
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("Gateway_AfterResolution");
    assertThat(body(lastMailTo(NOVAK))).contains("poškozená šablona");

    runtime.createMessageCorrelation("customerReplied").processInstanceBusinessKey(ticket.getBusinessKey()).correlate();
    assertThat(ticket).isWaitingAt("UserTask_ResolveFirstLevel");

    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "RESOLVED", "agentMessage", "Doplnili jsme postup."));
    runAsyncSteps();
    assertThat(timer(ticket, "Event_ReopenPeriodOver").getDuedate())
        .as("the customer may reopen for 7 calendar days").isEqualTo(at("2026-12-02T10:00:00+01:00"));
    fire(ticket, "Event_ReopenPeriodOver");

    assertThat(ticket).isEnded().hasPassed("EndEvent_TicketClosed");
    assertThat(variable(ticket, "status")).isEqualTo("CLOSED");
  }

  @Test
  void aQuestionLeftUnansweredIsRemindedOnceAndThenTheTicketCloses() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Chyba při exportu",
        "Ve verzi 5.3.2 končí export do Excelu chybou.", "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    BpmnAwareTests.complete(task(ticket));
    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "ASK_CUSTOMER", "agentMessage", "Jaký soubor?"));
    runAsyncSteps();
    // asked on Wednesday 10:00: reminded after 3 business days, on Monday
    assertThat(timer(ticket, "Event_CustomerSilent").getDuedate()).isEqualTo(at("2026-11-30T10:00:00+01:00"));

    fire(ticket, "Event_CustomerSilent");
    assertThat(ticket).isWaitingAt("Gateway_AwaitCustomer").hasPassed("ServiceTask_RemindCustomer");
    fire(ticket, "Event_CustomerSilent");

    assertThat(ticket).isEnded().hasPassed("ServiceTask_CloseUnanswered", "EndEvent_ClosedUnanswered");
  }

  @Test
  void theAgentSeesTheRequestInTheTaskAndCanAnswerTheCustomerFromIt() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Chyba při tisku", "Ve verzi 5.3.2 nejde vytisknout fakturu.",
        "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution").variables()
        .hasEntrySatisfying("requestPreview", preview -> assertThat(preview.toString()).contains("vytisknout fakturu"));

    BpmnAwareTests.complete(task(ticket), Map.of("agentReply", "Dobrý den, na chybě pracujeme, ozveme se dnes."));

    MimeMessage reply = lastMailTo(NOVAK);
    assertThat(reply.getSubject()).contains("[" + ticket.getBusinessKey() + "]");
    assertThat(body(reply)).contains("na chybě pracujeme");
    assertThat(reply.getHeader("Auto-Submitted")).as("written by a person").isNull();
    assertThat(ticket).isWaitingAt("UserTask_ResolveFirstLevel");
  }

  @Test
  void secondLevelCanReturnTheTicketToFirstLevel() {
    ProcessInstance ticket = open(NOVAK, "Chyba při exportu",
        "Ve verzi 5.3.2 končí export do Excelu chybou.", "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    BpmnAwareTests.complete(task(ticket));
    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "HANDOVER"));

    BpmnAwareTests.complete(task(ticket), Map.of("outcome", "BACK_TO_FIRST_LEVEL",
        "agentMessage", "Zeptejte se prosím zákazníka na přesnou verzi Excelu."));

    assertThat(ticket).isWaitingAt("UserTask_ResolveFirstLevel");
    assertThat(task(ticket)).hasCandidateGroup("support-agents");
  }

  @Test
  void aRequestNotWrittenInCzechIsServedAndTheFirstAnswerSaysSupportIsInCzechOnly() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Program crashes",
        "Hello, since the update to version 5.3.2 the program crashes on start and nobody can work. Thank you.",
        "2026-11-25T10:00:00+01:00");
    runAsyncSteps();

    assertThat(ticket).isWaitingAt("UserTask_InitiateResolution").variables().containsEntry("language", "en");
    String acknowledgement = body(lastMailTo(NOVAK));
    assertThat(acknowledgement).contains("Dobrý den", "technical support is provided in the Czech language only");
  }

  @Test
  void aCzechRequestGetsNoEnglishSentence() throws Exception {
    ProcessInstance ticket = open(NOVAK, "Dotaz", "Dobrý den, jak nastavím uživatelská práva ve verzi 5.3.2?",
        "2026-11-25T10:00:00+01:00");
    runAsyncSteps();
    assertThat(body(lastMailTo(NOVAK))).doesNotContain("Czech language only");
    assertThat(ticket).variables().containsEntry("urgency", "COMMON_QUESTION");
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private ProcessInstance open(String from, String subject, String body, String receivedAt) {
    Date received = at(receivedAt);
    ClockUtil.setCurrentTime(received);
    String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, received.toInstant(), subject, body,
        null, null, null, from, null, null, false, null));
    ProcessInstance ticket = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticketNumber).singleResult();
    // the intake commits at the start event; registration, identification and triage follow as a job
    assertThat(ticket).isWaitingAt("StartEvent_RequestReceived");
    BpmnAwareTests.execute(BpmnAwareTests.jobQuery().processInstanceId(ticket.getId())
        .activityId("StartEvent_RequestReceived").singleResult());
    return ticket;
  }

  /** The acknowledgement of a request proposed for refusal goes out before the agent's task. */
  private void acknowledgeScopeReview(ProcessInstance ticket) {
    assertThat(ticket).isWaitingAt("ServiceTask_AcknowledgeScopeReview");
    runAsyncSteps();
  }

  private void runAsyncSteps() {
    EngineTestSupport.runAsyncSteps(management);
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }

  /** Moves the engine clock to the timer's due date, fires it and runs what follows. */
  private void fire(ProcessInstance instance, String activityId) {
    Job timer = timer(instance, activityId);
    assertThat(timer).as("timer " + activityId).isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    runAsyncSteps();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private List<MimeMessage> mailsTo(String address) {
    return EngineTestSupport.mailsTo(mailServer.greenMail(), address);
  }

  private MimeMessage lastMailTo(String address) throws Exception {
    List<MimeMessage> mails = mailsTo(address);
    assertThat(mails).as("mails to " + address).isNotEmpty();
    return mails.get(mails.size() - 1);
  }

  private static String body(MimeMessage message) throws Exception {
    return String.valueOf(message.getContent());
  }

  private static Date at(String isoWithOffset) {
    return Date.from(ZonedDateTime.parse(isoWithOffset).toInstant());
  }
}
