package cz.intouch.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.sla.StaffNotices.Kind;
import cz.intouch.support.sla.StaffNotices.Notice;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketMessages;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A timer storm reaches the staff as digests: the breach timers of yesterday's serious tickets fall due at once at
 * 16:00, and each manager and specialist gets one mail listing them all, sent once however many nodes send.
 */
@SupportDeskTest
class SlaDigestTest {

  private static final String NOVAK = "jan.novak@strojirny-horice.cz";
  private static final String MANAGER = "manager@intouch-crm.cz";
  private static final String SPECIALIST = "specialist@intouch-crm.cz";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TicketIntake intake;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired SlaDigest digest;
  @Autowired StaffNotices notices;
  @Autowired OutboundMail outbound;
  @Autowired SlaDigestSettings settings;
  @Autowired JdbcTemplate jdbc;
  @Value("${support.mail.auto-reply-limit-per-day}") int dailyCap;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    mailServer.greenMail().purgeEmailFromAllMailboxes();
    // the Spring context (and its database) is shared with other test classes: start with no queued notices
    jdbc.update("DELETE FROM sd_staff_notice");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fiftySeriousTicketsBreachingAtOnceReachEachManagerAndSpecialistAsOneDigest() throws Exception {
    List<ProcessInstance> yesterday = openSerious(50, "2026-11-25T09:00:00+01:00");

    breach(yesterday, at("2026-11-26T16:00:00+01:00"));

    assertThat(mailsTo(MANAGER)).as("nothing before the digest runs").isEmpty();
    for (ProcessInstance ticket : yesterday) {
      Task task = BpmnAwareTests.task(ticket);
      assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
          .contains("support-agents", "support-specialists");
      assertThat(task.getPriority()).isGreaterThanOrEqualTo(100);
      assertThat(ticket).isWaitingAt("UserTask_InitiateResolution");
    }

    int sent = digest.sendDue();

    Map<String, Integer> perRecipient = mailsPerRecipient();
    assertThat(perRecipient).containsEntry(MANAGER, 1).containsEntry(SPECIALIST, 1);
    assertThat(perRecipient.values()).as("one digest per recipient").containsOnly(1);
    assertThat(sent).isEqualTo(perRecipient.size());
    for (String staff : List.of(MANAGER, SPECIALIST)) {
      MimeMessage mail = mailsTo(staff).get(0);
      assertThat(mail.getSubject()).isEqualTo("Souhrn SLA – překročený termín: 50, blíží se termín: 0");
      String body = body(mail);
      assertThat(body).contains("uplynul termín zahájení aktivního řešení", "Strojírny",
          "závažný problém", "nejpozději do čtvrtka 26. listopadu 2026 16:00", "/camunda/app/tasklist/default/#/?task=")
          .doesNotContain("blíží se termín zahájení");
      for (ProcessInstance ticket : yesterday) {
        assertThat(body).contains(ticket.getBusinessKey() + " – ");
      }
    }
    assertThat(digest.sendDue()).as("nothing left").isZero();

    // the next evening's breaches: a second digest with only the new tickets
    List<ProcessInstance> today = openSerious(3, "2026-11-26T17:00:00+01:00");
    breach(today, at("2026-11-27T16:00:00+01:00"));
    digest.sendDue();

    List<MimeMessage> managerMail = mailsTo(MANAGER);
    assertThat(managerMail).hasSize(2);
    String second = body(managerMail.get(1));
    today.forEach(ticket -> assertThat(second).contains(ticket.getBusinessKey()));
    yesterday.forEach(ticket -> assertThat(second).doesNotContain(ticket.getBusinessKey()));
    assertThat(managerMail.get(1).getSubject()).contains("překročený termín: 3");
  }

  @Test
  void twoSendersOverOneDatabaseNeverSendANoticeTwice() throws Exception {
    SlaDigest otherNode = new SlaDigest(new StaffNotices(jdbc), outbound, settings);
    List<String> staff = IntStream.rangeClosed(1, 12).mapToObj("staff%02d@intouch-crm.cz"::formatted).toList();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 3; round++) {
        ClockUtil.setCurrentTime(at("2026-11-26T16:00:00+01:00"));
        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
          String ticket = "TS-2026-%06d".formatted(round * 100 + i);
          tickets.add(ticket);
          notices.note(breachOf(ticket), staff, DeskTime.now());
        }

        CyclicBarrier together = new CyclicBarrier(2);
        Future<Integer> one = nodes.submit(() -> {
          together.await();
          return digest.sendDue();
        });
        Future<Integer> two = nodes.submit(() -> {
          together.await();
          return otherNode.sendDue();
        });

        assertThat(one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS)).isEqualTo(staff.size());
        for (String person : staff) {
          List<MimeMessage> mails = mailsTo(person);
          assertThat(mails).as(person + " after round " + round).hasSize(round);
          String latest = body(mails.get(round - 1));
          tickets.forEach(ticket -> assertThat(latest).containsOnlyOnce(ticket));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_staff_notice WHERE sent_at IS NULL", Integer.class))
            .isZero();
      }
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void aDigestClaimedByANodeThatDiedIsSentByAnotherOnceTheClaimTimesOut() throws Exception {
    Date deadline = at("2026-11-26T16:00:00+01:00");
    ClockUtil.setCurrentTime(deadline);
    Instant now = DeskTime.now();
    notices.note(breachOf("TS-2026-000777"), List.of(MANAGER), now);
    // a node claims the notice and dies before sending
    assertThat(notices.claim(MANAGER, "dead-node", now, now.minus(settings.digestClaimTimeout()), 500)).isOne();

    assertThat(digest.sendDue()).as("the claim is still live").isZero();
    assertThat(mailsTo(MANAGER)).isEmpty();

    ClockUtil.setCurrentTime(Date.from(now.plus(settings.digestClaimTimeout()).plus(Duration.ofMinutes(1))));
    assertThat(digest.sendDue()).isOne();
    assertThat(digest.sendDue()).isZero();
    assertThat(mailsTo(MANAGER)).hasSize(1);
    assertThat(body(mailsTo(MANAGER).get(0))).contains("TS-2026-000777");
    assertThat(mailsTo(MANAGER).get(0).getSubject()).endsWith("[TS-2026-000777]");
  }

  @Test
  void aManagerOverTheDailyCapOfAutomaticMailsStillGetsTheBreachDigest() throws Exception {
    ClockUtil.setCurrentTime(at("2026-11-25T08:00:00+01:00"));
    List<Object[]> earlierMails = new ArrayList<>();
    for (int i = 0; i <= dailyCap; i++) {
      earlierMails.add(new Object[] {"TS-2026-%06d".formatted(900000 + i), MANAGER,
          "<cap-" + i + "-" + System.nanoTime() + "@intouch-crm.cz>", TicketMessages.timestamp(DeskTime.now())});
    }
    jdbc.batchUpdate("""
        INSERT INTO sd_ticket_message (ticket_number, direction, kind, channel, sender, recipient, subject, body,
          message_id, status, occurred_at)
        VALUES (?, 'OUT', 'ACKNOWLEDGEMENT', 'EMAIL', 'support@intouch-crm.cz', ?, 'Potvrzení', 'Dobrý den.', ?,
          'SENT', ?)""", earlierMails);
    outbound.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000999", MANAGER,
        Map.of("urgency", "SERIOUS", "slaDeadline", at("2026-11-26T16:00:00+01:00")), "cap-check-" + System.nanoTime());
    assertThat(mailsTo(MANAGER)).as("the cap holds back further automatic mail to the manager").isEmpty();

    List<ProcessInstance> ticket = openSerious(1, "2026-11-25T09:00:00+01:00");
    breach(ticket, at("2026-11-26T16:00:00+01:00"));
    digest.sendDue();

    List<MimeMessage> managerMail = mailsTo(MANAGER);
    assertThat(managerMail).hasSize(1);
    assertThat(managerMail.get(0).getSubject()).contains("překročený termín: 1", ticket.get(0).getBusinessKey());
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private static Notice breachOf(String ticketNumber) {
    return new Notice(Kind.SLA_BREACHED, ticketNumber, "Strojírny Hořice a.s.", "SERIOUS",
        at("2026-11-26T16:00:00+01:00").toInstant(), "http://127.0.0.1:8080/camunda/app/tasklist/default/#/?task=1");
  }

  /** Serious requests received at the same moment, each waiting for an agent to start. */
  private List<ProcessInstance> openSerious(int count, String receivedAt) {
    Date received = at(receivedAt);
    List<ProcessInstance> tickets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ClockUtil.setCurrentTime(received);
      String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, received.toInstant(),
          "Program nejde spustit", "Dobrý den, po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve "
              + "firmě nemůže pracovat.", null, null, null, NOVAK, null, null, false, null));
      ProcessInstance ticket = runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
          .processInstanceBusinessKey(ticketNumber).singleResult();
      EngineTestSupport.runAsyncSteps(management);
      assertThat(ticket).isWaitingAt("UserTask_InitiateResolution").variables().containsEntry("urgency", "SERIOUS");
      tickets.add(ticket);
    }
    return tickets;
  }

  /** The clock at the deadline; every ticket's breach timer fires, as the job executor would at that instant. */
  private void breach(List<ProcessInstance> tickets, Date deadline) {
    ClockUtil.setCurrentTime(deadline);
    for (ProcessInstance ticket : tickets) {
      Job timer = management.createJobQuery().processInstanceId(ticket.getId()).timers()
          .activityId("BoundaryEvent_SlaBreached").singleResult();
      assertThat(timer.getDuedate()).isEqualTo(deadline);
      management.executeJob(timer.getId());
    }
    EngineTestSupport.runAsyncSteps(management);
  }

  private List<MimeMessage> mailsTo(String address) {
    return EngineTestSupport.mailsTo(mailServer.greenMail(), address);
  }

  private Map<String, Integer> mailsPerRecipient() throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage mail : mailServer.greenMail().getReceivedMessages()) {
      if (mail.getSubject().startsWith("Souhrn SLA")) {
        Arrays.stream(mail.getAllRecipients()).forEach(to -> counts.merge(to.toString(), 1, Integer::sum));
      }
    }
    return counts;
  }

  private static String body(MimeMessage message) throws Exception {
    return String.valueOf(message.getContent());
  }

  private static Date at(String isoWithOffset) {
    return Date.from(ZonedDateTime.parse(isoWithOffset).toInstant());
  }
}
