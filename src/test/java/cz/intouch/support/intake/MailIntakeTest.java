package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.MailIntake.Outcome;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.ticket.TicketVariables;
import cz.intouch.support.triage.RequestText;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The e-mail channel end to end: corpus mails APPENDed to the real (GreenMail) support mailbox over IMAP,
 * polled, and checked in the ledger, the tickets, the processes and the mail the desk sends back.
 */
@SupportDeskTest
class MailIntakeTest {

  private static final String NOVAK = "jan.novak@strojirny-horice.cz";
  private static final String VICTIM = "obet@konkurence.example.cz";
  private static final Instant MONDAY_0800 = Instant.parse("2026-11-23T08:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired MailboxPoller poller;
  @Autowired MailSettings settings;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired TicketMessages messages;
  @Autowired EmbeddedMailServer mailServer;

  private SupportMailbox mailbox;
  private long mark;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    mailServer.greenMail().purgeEmailFromAllMailboxes();
    mailbox = new SupportMailbox(settings, mailServer);
    mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);
  }

  @AfterEach
  void tearDown() {
    poller.afterCommit(null);
    ClockUtil.reset();
  }

  @Test
  void requestsInEveryCzechEncodingOpenOneTicketEachReceivedWhenTheServerGotThem() throws Exception {
    List<String> corpus = List.of("utf8-quoted-printable.eml", "iso-8859-2-base64.eml",
        "windows-1250-quoted-printable.eml", "html-only.eml", "alternative-with-attachment.eml", "forwarded.eml",
        "no-message-id.eml");
    mailbox.deliver(corpus.stream().map(name -> corpus(name, Map.of())).toList(), MONDAY_0800);

    MailboxPoller.PollReport report = poller.pollOnce();

    assertThat(report.outcomes()).containsExactly(Map.entry(Outcome.TICKET_OPENED, 7));
    Map<String, String> ticketBySubject = newRows().stream()
        .collect(Collectors.toMap(row -> (String) row.get("subject"), row -> (String) row.get("ticket_number")));
    assertThat(request(ticketBySubject.get("Program nejde spustit – naléhavé")).body())
        .contains("po aktualizaci na verzi 5.3.2 program vůbec nejde spustit");
    assertThat(request(ticketBySubject.get("Chyba při tisku faktur")).body())
        .contains("Žluťoučký kůň úpěl ďábelské ódy");
    assertThat(request(ticketBySubject.get("Export kontaktů nefunguje")).body()).contains("Řešíme to už týden");
    String html = request(ticketBySubject.get("Nelze se přihlásit")).body();
    assertThat(html).contains("v InTouch 5.3.2 nelze přihlásit uživatele.\nChyba: \"Neplatné heslo\".")
        .contains("> Původní text naší odpovědi").doesNotContain("color: red");
    assertThat(RequestText.newText(html)).doesNotContain("Původní text").doesNotContain("napsal");
    String withAttachment = ticketBySubject.get("Chyba při importu – log v příloze");
    assertThat(request(withAttachment).body()).contains("import zákazníků ve verzi 5.3.2")
        .doesNotContain("HTML verze");
    assertThat(jdbc.queryForList("SELECT file_name, original_size, truncated FROM sd_mail_attachment "
        + "WHERE ticket_number = ? ORDER BY id", withAttachment)).extracting(row -> row.get("FILE_NAME"),
        row -> ((Number) row.get("ORIGINAL_SIZE")).intValue(), row -> row.get("TRUNCATED"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("výpis chyby.log", 44, false),
            org.assertj.core.groups.Tuple.tuple("data.bin", 2048, false));
    assertThat(request(ticketBySubject.get("Fwd: Nejde odeslat hromadný e-mail")).body())
        .contains("Hromadný e-mail zákazníkům skončí chybou SMTP.");

    String ticket = ticketBySubject.get("Program nejde spustit – naléhavé");
    assertThat(ticketVariable(ticket, "receivedAt")).isEqualTo(Date.from(MONDAY_0800));
    assertThat(ticketVariable(ticket, "channel")).isEqualTo("EMAIL");
    assertThat(ticketVariable(ticket, "contactEmail")).isEqualTo(NOVAK);
    assertThat(request(ticket).occurredAt()).isEqualTo(MONDAY_0800);
    assertThat(jdbc.queryForObject("SELECT raw_message FROM sd_mail_intake WHERE ticket_number = ?", byte[].class,
        ticket)).asString().contains("Content-Transfer-Encoding: quoted-printable");
    assertThat(mailbox.count("INBOX")).isZero();
    assertThat(mailbox.count("Processed")).isEqualTo(7);
  }

  @Test
  void theAcknowledgementAnswersTheCustomersMailAndGoesToTheSender() throws Exception {
    // a day of its own: earlier tests of the suite may have used up this contact's daily cap of automatic mails
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T09:00:00Z")));
    String ticket = openByMail("utf8-quoted-printable.eml");
    String customersId = request(ticket).messageId();

    runAsyncSteps();

    MimeMessage acknowledgement = lastMailTo(NOVAK);
    assertThat(acknowledgement.getSubject()).contains("[" + ticket + "]");
    assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo(customersId);
    assertThat(acknowledgement.getHeader("References", null)).isEqualTo(customersId);
    assertThat(acknowledgement.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
  }

  @Test
  void autoRepliesBulkMailOwnMailAndBouncesOpenNoTicketAndAreNeverAnswered() throws Exception {
    String ticket = openByMail("utf8-quoted-printable.eml");
    runAsyncSteps();
    String acknowledgementId = jdbc.queryForObject(
        "SELECT message_id FROM sd_ticket_message WHERE ticket_number = ? AND direction = 'OUT'", String.class, ticket);
    long ticketsBefore = ticketCount();
    long sentBefore = sentCount();
    mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);

    mailbox.deliver(List.of(
        corpus("auto-reply-out-of-office.eml", Map.of("IN_REPLY_TO", acknowledgementId)),
        corpus("out-of-office-subject-only.eml", Map.of()),
        corpus("precedence-bulk.eml", Map.of()),
        corpus("own-loop-header.eml", Map.of()),
        corpus("bounce-delivery-status.eml", Map.of("ORIGINAL_MESSAGE_ID", acknowledgementId))), MONDAY_0800);
    MailboxPoller.PollReport report = poller.pollOnce();
    runAsyncSteps();

    assertThat(report.outcomes()).containsOnly(Map.entry(Outcome.IGNORED, 4), Map.entry(Outcome.BOUNCE_ATTACHED, 1));
    assertThat(newRows()).extracting(row -> row.get("note")).anySatisfy(note -> assertThat(note).asString()
        .startsWith("AUTO_REPLY")).anySatisfy(note -> assertThat(note).asString().startsWith("LOOP"));
    assertThat(ticketCount()).isEqualTo(ticketsBefore);
    assertThat(sentCount()).as("nothing answered").isEqualTo(sentBefore);
    assertThat(messages.of(ticket)).extracting(TicketMessage::kind).contains("BOUNCE", "AUTO_REPLY");
    assertThat(ticketVariable(ticket, TicketVariables.DELIVERY_FAILED)).isEqualTo(true);
    assertThat(runtime.createIncidentQuery().incidentType(TicketVariables.DELIVERY_FAILED)
        .processInstanceId(instance(ticket).getId()).count()).as("visible in Cockpit").isEqualTo(1);
    assertThat(mailbox.count("INBOX")).isZero();
  }

  @Test
  void attachmentsOverTheLimitAreKeptUpToItAndTheCustomerIsTold() throws Exception {
    jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(
        jakarta.mail.Session.getInstance(new java.util.Properties()));
    mail.setFrom("jan.novak@strojirny-horice.cz");
    mail.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@intouch-crm.cz");
    mail.setSubject("Export databáze", "UTF-8");
    jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
    text.setText("Dobrý den, ve verzi 5.3.2 padá export, posílám celou databázi.", "UTF-8");
    jakarta.mail.internet.MimeBodyPart dump = new jakarta.mail.internet.MimeBodyPart();
    dump.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
        new byte[11 * 1024 * 1024], "application/octet-stream")));
    dump.setFileName("databaze.bak");
    mail.setContent(new jakarta.mail.internet.MimeMultipart(text, dump));
    mail.saveChanges();
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    mail.writeTo(raw);
    mailbox.deliver(raw.toByteArray(), MONDAY_0800);

    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.TICKET_OPENED, 1));
    String ticket = (String) newRows().get(0).get("ticket_number");
    assertThat(jdbc.queryForMap("SELECT original_size, truncated FROM sd_mail_attachment WHERE ticket_number = ?",
        ticket)).containsEntry("TRUNCATED", true);
    assertThat(messages.of(ticket)).filteredOn(message -> "ATTACHMENT_TOO_LARGE".equals(message.kind()))
        .singleElement().satisfies(told -> assertThat(told.body()).contains("10 MB"));
  }

  @Test
  void aReplyWithAChangedSubjectIsThreadedByInReplyToAndCompletesTheIdentification() throws Exception {
    String ticket = openByMail("unidentified-question.eml");
    runAsyncSteps();
    ProcessInstance instance = instance(ticket);
    assertThat(BpmnAwareTests.calledProcessInstance(instance)).isWaitingAt("UserTask_CompleteIdentification");
    String askedId = jdbc.queryForObject(
        "SELECT message_id FROM sd_ticket_message WHERE ticket_number = ? AND direction = 'OUT'", String.class, ticket);

    Instant replyAt = Instant.parse("2026-11-24T14:30:00Z");
    mailbox.deliver(corpus("reply-changed-subject.eml", Map.of("IN_REPLY_TO", askedId)), replyAt);
    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.REPLY_ADDED, 1));
    runAsyncSteps();

    assertThat(instance).isWaitingAt("UserTask_InitiateResolution").variables()
        .containsEntry("identified", true).containsEntry("companyId", "28166345")
        .containsEntry("contactName", "Karel Svoboda").containsEntry("programVersion", "5.2.1")
        .containsEntry("lastMessageReceivedAt", Date.from(replyAt));
  }

  @Test
  void aReplyWithTheTicketTagIsAddedToItsTicketButAStrangerQuotingTheTagGetsANewTicket() throws Exception {
    String ticket = openByMail("utf8-quoted-printable.eml");
    runAsyncSteps();

    mailbox.deliver(corpus("reply-with-ticket-tag.eml", Map.of("TICKET", ticket)), MONDAY_0800.plusSeconds(600));
    poller.pollOnce();
    assertThat(messages.of(ticket)).filteredOn(message -> "REPLY".equals(message.kind())).singleElement()
        .satisfies(reply -> assertThat(reply.body()).contains("snímek obrazovky"));
    assertThat(ticketVariable(ticket, TicketVariables.LAST_CUSTOMER_MESSAGE)).asString().contains("snímek obrazovky");

    mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);
    mailbox.deliver(corpus("stranger-with-ticket-tag.eml", Map.of("TICKET", ticket)), MONDAY_0800.plusSeconds(900));
    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.TICKET_OPENED, 1));
    String strangers = (String) newRows().get(0).get("ticket_number");
    assertThat(strangers).isNotEqualTo(ticket);
    assertThat(ticketVariable(strangers, TicketVariables.RELATED_TICKET)).isEqualTo(ticket);
    assertThat(messages.of(ticket)).extracting(TicketMessage::sender).doesNotContain("eva@konkurence.example.cz");
  }

  @Test
  void unreadableMailIsQuarantinedForAnAgentAndNeverDropped() throws Exception {
    mailbox.deliver(List.of(corpus("no-from.eml", Map.of()), corpus("broken-mime.eml", Map.of()),
        corpus("unknown-charset.eml", Map.of())), MONDAY_0800);

    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.QUARANTINED, 3));
    assertThat(mailbox.count("INBOX")).isZero();
    Map<String, Task> taskBySubject = tasks.createTaskQuery().processDefinitionKey(TicketVariables.MAIL_QUARANTINE)
        .taskDefinitionKey("UserTask_ReviewQuarantinedMail").taskCandidateGroup("support-agents").list().stream()
        .collect(Collectors.toMap(task -> (String) tasks.getVariable(task.getId(), "subject"), task -> task));
    assertThat(taskBySubject).containsKeys("Bez odesílatele", "Rozbita zprava", "Divne kodovani");
    assertThat(tasks.getVariable(taskBySubject.get("Divne kodovani").getId(), "reason")).asString()
        .contains("x-klingon-42");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_mail_quarantine q JOIN sd_mail_intake i ON i.id = "
        + "q.intake_id WHERE i.id > ? AND LENGTH(q.raw_message) > 0", Long.class, mark)).isEqualTo(3);

    Task noSender = taskBySubject.get("Bez odesílatele");
    tasks.complete(noSender.getId(), Map.of("quarantineDecision", "OPEN_TICKET", "sender", NOVAK));
    String ticket = (String) history.createHistoricVariableInstanceQuery()
        .processInstanceId(noSender.getProcessInstanceId()).variableName("ticketNumber").singleResult().getValue();
    assertThat(request(ticket).body()).contains("Tato zprava nema odesilatele.");
    assertThat(ticketVariable(ticket, "contactEmail")).isEqualTo(NOVAK);

    tasks.complete(taskBySubject.get("Rozbita zprava").getId(), Map.of("quarantineDecision", "DISCARD"));
    assertThat(jdbc.queryForList("SELECT status FROM sd_mail_quarantine WHERE subject = ? ORDER BY id DESC",
        String.class, "Rozbita zprava").get(0)).isEqualTo("DISCARDED");
  }

  @Test
  void aSenderThatIsNotExactlyOneCleanAddressIsQuarantinedNeverATicketAndNeverAnswered() throws Exception {
    runAsyncSteps(); // what earlier tests left to send
    long ticketsBefore = ticketCount();
    long sentBefore = sentCount();
    // a display name that decodes to "Jan Novák\r\nBcc: obet@…", an encoded word the parser swallows whole
    // into the address, and two authors in From
    mailbox.deliver(List.of(corpus("sender-bcc-in-encoded-name.eml", Map.of()),
        corpus("sender-not-one-address.eml", Map.of()), corpus("sender-two-addresses.eml", Map.of())), MONDAY_0800);

    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.QUARANTINED, 3));
    runAsyncSteps();

    assertThat(ticketCount()).as("no ticket").isEqualTo(ticketsBefore);
    assertThat(sentCount()).as("nothing sent").isEqualTo(sentBefore);
    assertThat(EngineTestSupport.mailsTo(mailServer.greenMail(), VICTIM)).isEmpty();
    assertThat(jdbc.queryForList("SELECT sender FROM sd_mail_intake WHERE id > ?", String.class, mark))
        .as("only ever a bare address is stored").allMatch(sender -> sender == null
            || sender.matches("[a-z0-9.]+@[a-z0-9.-]+"));
    Map<String, Task> taskBySubject = tasks.createTaskQuery().processDefinitionKey(TicketVariables.MAIL_QUARANTINE)
        .taskDefinitionKey("UserTask_ReviewQuarantinedMail").list().stream()
        .collect(Collectors.toMap(task -> (String) tasks.getVariable(task.getId(), "subject"), task -> task,
            (first, second) -> second));
    Task hiddenBcc = taskBySubject.get("Nejde tisk faktur");
    assertThat(tasks.getVariable(hiddenBcc.getId(), "reason")).asString()
        .contains("Jméno odesílatele obsahuje zalomení řádku nebo řídicí znaky");
    assertThat(tasks.getVariable(hiddenBcc.getId(), "sender")).isEqualTo(NOVAK);
    for (String subject : List.of("Nejde export", "Dva odesilatele")) {
      Task notOne = taskBySubject.get(subject);
      assertThat(tasks.getVariable(notOne.getId(), "reason")).asString()
          .contains("Pole From neobsahuje právě jednu platnou adresu odesílatele").doesNotContain("\r", "\n");
      assertThat(tasks.getVariable(notOne.getId(), "sender")).isNull();
    }
    // an agent opening it as a ticket gives one bare address, nothing else
    Task notOne = taskBySubject.get("Nejde export");
    assertThatThrownBy(() -> tasks.complete(notOne.getId(), Map.of("quarantineDecision", "OPEN_TICKET",
        "sender", NOVAK + "\r\nBcc: " + VICTIM))).hasMessageContaining("není jedna platná e-mailová adresa");
    assertThat(ticketCount()).isEqualTo(ticketsBefore);
  }

  @Test
  void aCraftedMessageIdIsAnsweredWithOnlyItsIdPart() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-02T09:00:00Z")));
    String id = "<" + java.util.UUID.randomUUID() + "@mail.strojirny-horice.cz>";
    mailbox.deliver(corpus("crafted-message-id.eml", Map.of("ID", id.substring(1, id.indexOf('@')))), MONDAY_0800);
    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.TICKET_OPENED, 1));
    String ticket = (String) newRows().get(0).get("ticket_number");
    assertThat(request(ticket).messageId()).isEqualTo(id);

    runAsyncSteps();

    MimeMessage acknowledgement = java.util.Arrays.stream(mailServer.greenMail().getReceivedMessagesForDomain(NOVAK))
        .filter(mail -> subjectOf(mail).contains("[" + ticket + "]")).findFirst().orElseThrow();
    assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo(id);
    assertThat(acknowledgement.getHeader("References", null)).isEqualTo(id);
    assertThat(acknowledgement.getHeader("Bcc")).isNull();
    assertThat(EngineTestSupport.mailsTo(mailServer.greenMail(), VICTIM)).isEmpty();
  }

  @Test
  void aCrashAfterTheCommitAndBeforeTheMailIsMovedLosesNoMailAndMakesNoDuplicateTicket() throws Exception {
    byte[] first = corpus("utf8-quoted-printable.eml", Map.of());
    mailbox.deliver(List.of(first, corpus("iso-8859-2-base64.eml", Map.of()), corpus("no-message-id.eml", Map.of())),
        MONDAY_0800);
    long ticketsBefore = ticketCount();
    AtomicInteger commits = new AtomicInteger();
    poller.afterCommit(key -> {
      if (commits.incrementAndGet() == 2) {
        throw new IllegalStateException("kill -9");
      }
    });

    assertThatThrownBy(poller::pollOnce).hasMessage("kill -9");
    assertThat(mailbox.count("INBOX")).as("nothing moved before the crash").isEqualTo(3);

    poller.afterCommit(null);
    MailboxPoller.PollReport afterRestart = poller.pollOnce();

    assertThat(afterRestart.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    assertThat(afterRestart.outcomes()).containsKey(Outcome.ALREADY_DONE);
    assertThat(newRows()).extracting(row -> row.get("outcome")).containsOnly("TICKET_OPENED").hasSize(3);
    assertThat(ticketCount()).isEqualTo(ticketsBefore + 3);
    assertThat(mailbox.count("INBOX")).isZero();

    mailbox.deliver(first, MONDAY_0800); // the same mail again, e.g. a restored mailbox backup
    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.ALREADY_DONE, 1));
    assertThat(ticketCount()).isEqualTo(ticketsBefore + 3);
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private static byte[] corpus(String name, Map<String, String> values) {
    try {
      return SupportMailbox.corpus(name, values);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String openByMail(String name) throws Exception {
    mailbox.deliver(corpus(name, Map.of()), MONDAY_0800);
    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.TICKET_OPENED, 1));
    String ticket = (String) newRows().get(0).get("ticket_number");
    mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);
    return ticket;
  }

  private List<Map<String, Object>> newRows() {
    return jdbc.queryForList("SELECT outcome, note, ticket_number, subject FROM sd_mail_intake WHERE id > ? ORDER BY id",
        mark).stream().map(row -> row.entrySet().stream().collect(Collectors.toMap(
            entry -> entry.getKey().toLowerCase(), entry -> entry.getValue() == null ? "" : entry.getValue())))
        .map(row -> (Map<String, Object>) row).toList();
  }

  private TicketMessage request(String ticket) {
    return messages.of(ticket).get(0);
  }

  private ProcessInstance instance(String ticket) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticket).singleResult();
  }

  private Object ticketVariable(String ticket, String name) {
    String id = history.createHistoricProcessInstanceQuery().processDefinitionKey("supportRequest")
        .processInstanceBusinessKey(ticket).singleResult().getId();
    var variable = history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName(name)
        .singleResult();
    return variable == null ? null : variable.getValue();
  }

  private long ticketCount() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("supportRequest").count();
  }

  private long sentCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket_message WHERE direction = 'OUT'", Long.class);
  }

  private MimeMessage lastMailTo(String address) throws Exception {
    List<MimeMessage> mails = java.util.Arrays.stream(mailServer.greenMail().getReceivedMessagesForDomain(address))
        .toList();
    assertThat(mails).as("mails to " + address).isNotEmpty();
    return mails.get(mails.size() - 1);
  }

  private static String subjectOf(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void runAsyncSteps() {
    EngineTestSupport.runAsyncSteps(management);
  }
}
