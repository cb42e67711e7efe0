package cz.intouch.support.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.ticket.Channel;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * releasePublication as the managers work it in Tasklist, and the cosmetic path end to end: a cosmetic ticket is
 * planned into the next release, publishing it mails the customer and closes the ticket; a planned ticket the
 * managers did not mark fixed moves on to the next release and its customer hears nothing.
 */
@SupportDeskTest
class ReleasePublicationProcessTest {

  private static final String NOVAK = "jan.novak@strojirny-horice.cz";
  private static final AtomicInteger MINOR = new AtomicInteger(60);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired TicketIntake intake;
  @Autowired ReleaseRegister register;
  @Autowired EmbeddedMailServer mailServer;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    mailServer.greenMail().purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void publishingTellsTheFixedTicketsCustomersClosesThemAndMovesTheRestToTheNextRelease() throws Exception {
    String version = "5." + MINOR.incrementAndGet() + ".0";
    String following = "5." + MINOR.incrementAndGet() + ".0";
    // the demo release 5.4.0 is the next planned one; these tests plan theirs explicitly
    ProcessInstance fixed = cosmeticTicket("Překlep v menu Nastavení");
    ProcessInstance notFixed = cosmeticTicket("Posunutý popisek v tiskové sestavě");
    assertThat(fixed).isWaitingAt("Event_ReleasePublished").variables().containsEntry("plannedRelease", "5.4.0")
        .containsEntry("newestVersion", "5.3.2");

    ProcessInstance release = startRelease(version);
    register.plan(ProgramVersion.parse(following), ReleaseKind.MINOR, null);
    register.moveTicket(fixed.getBusinessKey(), ProgramVersion.parse(version));
    register.moveTicket(notFixed.getBusinessKey(), ProgramVersion.parse(version));

    assertThat(release).isWaitingAt("UserTask_PrepareRelease");
    assertThat(task(release)).hasCandidateGroup("support-managers");
    complete(task(release), Map.of("fixedTickets", fixed.getBusinessKey(),
        "releaseNotes", "Opravy drobných chyb v uživatelském rozhraní.",
        "installationInstructions", "Spusťte instalační program na serveru.",
        "installerFile", version + "/setup.zip"));
    assertThat(release).isWaitingAt("UserTask_ApproveRelease");

    complete(task(release), Map.of("approved", false, "approvalNote", "Doplňte poznámky."));
    assertThat(release).isWaitingAt("UserTask_PrepareRelease");
    complete(task(release));
    complete(task(release), Map.of("approved", true));
    assertThat(release).isWaitingAt("UserTask_PublishRelease");
    assertThat(register.find(ProgramVersion.parse(version)).orElseThrow().published()).isFalse();

    complete(task(release));
    runAsyncSteps();

    assertThat(release).isEnded().hasPassed("ServiceTask_PublishRelease", "EndEvent_ReleasePublished")
        .variables().containsEntry("fixedCount", 1).containsEntry("movedCount", 1);
    assertThat(register.find(ProgramVersion.parse(version)).orElseThrow().published()).isTrue();
    assertThat(fixed).isEnded().hasPassed("ServiceTask_NotifyFixedInRelease", "EndEvent_FixedInRelease");
    List<MimeMessage> toNovak = mailsTo(NOVAK);
    assertThat(toNovak).hasSize(1);
    assertThat(toNovak.get(0).getSubject()).contains(version, "[" + fixed.getBusinessKey() + "]");
    assertThat(String.valueOf(toNovak.get(0).getContent())).contains("opravena ve verzi programu InTouch CRM " + version,
        "http://127.0.0.1:8080/extranet");

    assertThat(notFixed).isWaitingAt("Event_ReleasePublished").variables().containsEntry("plannedRelease", following);
    assertThat(register.plannedReleaseOf(notFixed.getBusinessKey())).map(r -> r.version().toString()).contains(following);
  }

  @Test
  void managersMayStartAReleaseButNoSupportTicket() {
    identity.setAuthentication("manager", List.of("support-managers"));
    ProcessInstance release = runtime.startProcessInstanceByKey("releasePublication",
        Map.of("releaseVersion", "5." + MINOR.incrementAndGet() + ".0", "releaseKind", "MINOR"));
    assertThat(release).isWaitingAt("UserTask_PrepareRelease");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("supportRequest"))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aPublishedVersionCannotBePlannedAgain() {
    assertThatThrownBy(() -> register.plan(ProgramVersion.parse("5.3.2"), ReleaseKind.MINOR, null))
        .hasMessageContaining("už byla vydána");
  }

  private ProcessInstance startRelease(String version) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("releaseVersion", version);
    variables.put("releaseKind", "MINOR");
    variables.put("plannedOn", "2027-03-31");
    return runtime.startProcessInstanceByKey("releasePublication", variables);
  }

  @Test
  void anAgentPlansACosmeticTicketIntoAnotherPlannedRelease() throws Exception {
    String later = "6." + MINOR.incrementAndGet() + ".0";
    register.plan(ProgramVersion.parse(later), ReleaseKind.MAJOR, java.time.LocalDate.of(2027, 6, 30));
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-09T09:00:00Z")));
    String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, ClockUtil.getCurrentTime().toInstant(),
        "Barva ikony", "Dobrý den, ikona exportu má špatnou barvu, jinak vše funguje. Verze 5.3.2.", null, null, null,
        NOVAK, null, null, false, null));
    ProcessInstance ticket = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticketNumber).singleResult();
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("UserTask_PlanIntoRelease");

    complete(task(ticket), java.util.Map.of("plannedRelease", later));

    assertThat(ticket).isWaitingAt("Event_ReleasePublished");
    assertThat(register.plannedReleaseOf(ticketNumber)).map(r -> r.version().toString()).contains(later);
  }

  /**
   * On a day of this class's own: the scenario suites before it send the same demo contact enough automatic mails
   * on their day to reach the per-recipient daily cap.
   */
  private ProcessInstance cosmeticTicket(String subject) throws Exception {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-09T09:00:00Z")));
    String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, ClockUtil.getCurrentTime().toInstant(),
        subject, "Dobrý den, " + subject.toLowerCase() + ", jinak vše funguje. Verze 5.3.2.", null, null, null, NOVAK,
        null, null, false, null));
    ProcessInstance ticket = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticketNumber).singleResult();
    runAsyncSteps();
    assertThat(ticket).isWaitingAt("UserTask_PlanIntoRelease");
    BpmnAwareTests.complete(BpmnAwareTests.task(ticket)); // the agent keeps the proposed release
    assertThat(ticket).isWaitingAt("Event_ReleasePublished");
    mailServer.greenMail().purgeEmailFromAllMailboxes(); // the acknowledgement
    return ticket;
  }

  private void runAsyncSteps() {
    EngineTestSupport.runAsyncSteps(management);
  }

  private List<MimeMessage> mailsTo(String address) {
    return EngineTestSupport.mailsTo(mailServer.greenMail(), address);
  }
}
