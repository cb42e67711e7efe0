package cz.intouch.support.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.transaction.PlatformTransactionManager;

@SupportDeskTest
class OutboundMailTest {

  private static final ZonedDateTime MONDAY_16 = ZonedDateTime.of(2026, 11, 30, 16, 0, 0, 0, DeskTime.ZONE);
  private static final Map<String, Object> SERIOUS = Map.of("urgency", "SERIOUS", "slaDeadline", MONDAY_16);

  @Autowired
  OutboundMail outboundMail;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  TicketMessages messages;
  @Autowired
  JdbcTemplate jdbc;
  // to build a second OutboundMail that talks to a dead SMTP server
  @Autowired
  MailTemplates templates;
  @Autowired
  Outbox outbox;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  MailSettings settings;
  @Autowired
  CommitDurability durability;
  @Autowired
  org.springframework.mail.javamail.JavaMailSender mailSender;
  @Autowired
  MailMetrics metrics;
  @Autowired
  cz.intouch.support.intake.MailboxPoller poller;
  @Autowired
  org.springframework.beans.factory.ObjectProvider<OwnCopies> ownCopies;
  @Autowired
  io.micrometer.core.instrument.MeterRegistry registry;
  @org.springframework.beans.factory.annotation.Value("${support.mail.auto-reply-limit-per-day}")
  int configuredDailyCap;

  private static final int DEFAULT_DAILY_CAP = 20;

  GreenMail greenMail;

  @BeforeEach
  void mailServer() {
    greenMail = mailServer.greenMail();
  }

  @Test
  void anAcknowledgementArrivesInCzechWithTheTicketNumberAndAntiLoopHeaders() throws Exception {
    messages.recordIncoming("TS-2026-000123", "REQUEST", "EMAIL", "jan.novak@firma.cz", "Nejde tisk",
        "Dobrý den, nejde tisk.", Instant.now().minusSeconds(60), "<request-123@firma.cz>");

    String messageId = outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000123", "jan.novak@firma.cz",
        SERIOUS, "ack-123");

    MimeMessage mail = single("jan.novak@firma.cz");
    assertThat(mail.getSubject()).isEqualTo("Potvrzení přijetí Vašeho požadavku [TS-2026-000123]");
    assertThat(mail.getHeader("Subject", null)).startsWith("=?UTF-8?");
    assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
    assertThat((String) mail.getContent()).contains("Dobrý den,", "TS-2026-000123", "závažný problém",
        "pondělí 30. listopadu 2026 16:00", "Technická podpora InTouch CRM", "478 571 021")
        .doesNotContain(OutboundMail.ENGLISH_NOTE);
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("support@intouch-crm.cz");
    assertThat(from.getPersonal()).isEqualTo("Technická podpora InTouch CRM");
    assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    assertThat(mail.getHeader(OutboundMail.LOOP_HEADER, null)).isEqualTo("TS-2026-000123");
    assertThat(mail.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
    assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<request-123@firma.cz>");
    assertThat(mail.getHeader("References", null)).isEqualTo("<request-123@firma.cz>");
    assertThat(messageId).matches("<TS-2026-000123\\.[0-9a-f]{32}@intouch-crm\\.cz>");
    assertThat(mail.getMessageID()).isEqualTo(messageId);

    assertThat(messages.of("TS-2026-000123")).extracting(TicketMessage::direction).containsExactly("IN", "OUT");
    TicketMessage stored = messages.of("TS-2026-000123").get(1);
    assertThat(stored.kind()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(stored.messageId()).isEqualTo(messageId);
    assertThat(stored.recipient()).isEqualTo("jan.novak@firma.cz");
    assertThat(stored.subject()).isEqualTo(mail.getSubject());
    assertThat(stored.body().strip()).isEqualTo(((String) mail.getContent()).replace("\r\n", "\n").strip());
    assertThat(status("ack-123")).isEqualTo("SENT");
    assertThat(messages.ticketOfMessageId(messageId)).contains("TS-2026-000123");
  }

  @Test
  void aRepliedMessageIdIsCopiedOnlyAsItsIdPart() throws Exception {
    // as a Message-ID was stored before the intake kept only its <id>: a comment and a folded "Bcc:" after it
    messages.recordIncoming("TS-2026-000125", "REQUEST", "EMAIL", "karel.kopecky@firma.cz", "Nejde tisk",
        "Dobrý den, nejde tisk.", Instant.now().minusSeconds(60),
        "<request-125@firma.cz> (komentář)\r\n Bcc: obet@konkurence.example.cz");

    outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000125", "karel.kopecky@firma.cz", SERIOUS, "ack-125");

    MimeMessage mail = single("karel.kopecky@firma.cz");
    assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<request-125@firma.cz>");
    assertThat(mail.getHeader("References", null)).isEqualTo("<request-125@firma.cz>");
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(greenMail.getReceivedMessagesForDomain("obet@konkurence.example.cz")).isEmpty();
  }

  @Test
  void anAgentsOwnWordsCarryNoAutoSubmittedButStillTheLoopHeader() throws Exception {
    outboundMail.send(MessageKind.AGENT_REPLY, "TS-2026-000124", "petr@firma.cz",
        Map.of("agentMessage", "Opravu najdete v nastavení tiskárny."), "reply-124");

    MimeMessage mail = single("petr@firma.cz");
    assertThat(mail.getHeader("Auto-Submitted")).isNull();
    assertThat(mail.getHeader(OutboundMail.LOOP_HEADER, null)).isEqualTo("TS-2026-000124");
    assertThat(mail.getHeader("In-Reply-To")).isNull();
    assertThat((String) mail.getContent()).contains("Opravu najdete v nastavení tiskárny.");
  }

  @Test
  void theTicketNumberEndsTheSubjectExactlyOnce() {
    assertThat(OutboundMail.subjectWithTicketNumber("Re: [TS-2026-000125] Dotaz", "TS-2026-000125"))
        .isEqualTo("Re: Dotaz [TS-2026-000125]");
    assertThat(OutboundMail.subjectWithTicketNumber("Dotaz [TS-2026-000125]", "TS-2026-000125"))
        .isEqualTo("Dotaz [TS-2026-000125]");
  }

  @Test
  void aRetriedStepSendsItsMailOnce() throws Exception {
    String first = outboundMail.send(MessageKind.TICKET_CLOSED, "TS-2026-000126", "retry@firma.cz", Map.of(),
        "activity-126:TICKET_CLOSED");
    String second = outboundMail.send(MessageKind.TICKET_CLOSED, "TS-2026-000126", "retry@firma.cz", Map.of(),
        "activity-126:TICKET_CLOSED");

    assertThat(second).isEqualTo(first);
    assertThat(received("retry@firma.cz")).hasSize(1);
    assertThat(messages.of("TS-2026-000126")).hasSize(1);
  }

  @Test
  void onlyACustomerWhoDidNotWriteInCzechIsToldSupportIsInCzech() throws Exception {
    outboundMail.send(MessageKind.MISSING_IDENTIFICATION, "TS-2026-000127", "john@company.com",
        Map.of("notCzech", true, "missingItems", List.of("IČO nebo název Vaší společnosti")), "missing-127");
    outboundMail.send(MessageKind.MISSING_IDENTIFICATION, "TS-2026-000128", "jana@firma.cz",
        Map.of("notCzech", false, "missingItems", List.of("IČO nebo název Vaší společnosti")), "missing-128");
    // not the first answer: no note even with the flag
    outboundMail.send(MessageKind.TICKET_CLOSED, "TS-2026-000127", "john@company.com", Map.of("notCzech", true),
        "closed-127");

    List<MimeMessage> english = received("john@company.com");
    assertThat((String) english.get(0).getContent()).startsWith(OutboundMail.ENGLISH_NOTE + "\r\n\r\nDobrý den,")
        .contains("- IČO nebo název Vaší společnosti");
    assertThat((String) english.get(1).getContent()).doesNotContain(OutboundMail.ENGLISH_NOTE);
    assertThat((String) single("jana@firma.cz").getContent()).doesNotContain(OutboundMail.ENGLISH_NOTE);
  }

  @Test
  void theTwentyFirstAutomaticMailToOneAddressInADayIsSuppressed() throws Exception {
    // the production default; the test profile raises it so that scenario suites sharing demo contacts never meet it
    OutboundMail outboundMail = new OutboundMail(mailSender, templates, messages, outbox, transactions,
        settings.withAutoReplyLimitPerDay(DEFAULT_DAILY_CAP), durability, metrics, ownCopies);
    String looping = "autoresponder@loop.cz";
    for (int i = 1; i <= 21; i++) {
      outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-%06d".formatted(200 + i), looping, SERIOUS,
          "loop-" + i);
    }

    assertThat(received(looping)).hasSize(20);
    assertThat(status("loop-21")).isEqualTo("SUPPRESSED");
    assertThat(messages.of("TS-2026-000221")).singleElement()
        .satisfies(message -> assertThat(message.kind()).isEqualTo("ACKNOWLEDGEMENT"));

    // an agent's reply is no loop: it still goes out
    outboundMail.send(MessageKind.AGENT_REPLY, "TS-2026-000221", looping, Map.of("agentMessage", "Dobrý den."),
        "loop-agent");
    assertThat(status("loop-agent")).isEqualTo("SENT");
    assertThat(received(looping)).hasSize(21);
  }

  @Test
  void theContractsDailyCapIsTheProductionDefault() throws Exception {
    org.springframework.core.io.Resource defaults = new org.springframework.core.io.ClassPathResource("application.yaml");
    String yaml = new String(defaults.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(yaml).contains("auto-reply-limit-per-day: " + DEFAULT_DAILY_CAP);
    assertThat(configuredDailyCap).as("test profile").isGreaterThan(DEFAULT_DAILY_CAP);
  }

  @Test
  void staffDigestsAreNeitherCountedNorStoppedByTheCap() throws Exception {
    OutboundMail capped = new OutboundMail(mailSender, templates, messages, outbox, transactions,
        settings.withAutoReplyLimitPerDay(DEFAULT_DAILY_CAP), durability, metrics, ownCopies);
    String staff = "specialists@intouch-crm.cz";
    for (int i = 1; i <= DEFAULT_DAILY_CAP + 2; i++) {
      capped.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-%06d".formatted(300 + i), staff, SERIOUS, "staff-ack-" + i);
    }
    assertThat(status("staff-ack-" + (DEFAULT_DAILY_CAP + 1))).as("over the cap").isEqualTo("SUPPRESSED");

    Map<String, Object> digest = Map.of("breachCount", 1, "warningCount", 0,
        "breaches", List.of("TS-2026-000301 – Příkladová s.r.o."), "warnings", List.of());
    capped.sendStaffDigest(MessageKind.SLA_DIGEST, staff, List.of("TS-2026-000301"), digest, "claim-1");
    capped.sendStaffDigest(MessageKind.SLA_DIGEST, staff, List.of("TS-2026-000301", "TS-2026-000302"), digest,
        "claim-2");

    List<MimeMessage> staffMail = received(staff);
    assertThat(staffMail).hasSize(DEFAULT_DAILY_CAP + 2);
    MimeMessage single = staffMail.get(DEFAULT_DAILY_CAP);
    assertThat(single.getSubject()).isEqualTo("Souhrn SLA – překročený termín: 1, blíží se termín: 0 [TS-2026-000301]");
    assertThat(single.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(single.getHeader(OutboundMail.LOOP_HEADER, null)).isEqualTo("TS-2026-000301");
    assertThat(staffMail.get(DEFAULT_DAILY_CAP + 1).getHeader(OutboundMail.LOOP_HEADER, null)).isEqualTo("staff");
  }

  @Test
  void whenSmtpIsDownTheStepFailsAndItsRetrySendsTheMailOnce() throws Exception {
    JavaMailSenderImpl deadServer = new JavaMailSenderImpl();
    deadServer.setHost("127.0.0.1");
    deadServer.setPort(TestSocketUtils.findAvailableTcpPort());
    deadServer.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    OutboundMail whileDown = new OutboundMail(deadServer, templates, messages, outbox, transactions,
        settings.withAutoReplyLimitPerDay(20), durability, metrics, ownCopies);
    double failuresBefore = sendFailures("ACKNOWLEDGEMENT");

    assertThatThrownBy(() -> whileDown.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000400", "down@firma.cz",
        SERIOUS, "ack-400")).isInstanceOf(MailException.class).hasMessageContaining("TS-2026-000400");
    assertThat(status("ack-400")).isEqualTo("PENDING");
    assertThat(sendFailures("ACKNOWLEDGEMENT")).as("support_mail_send_failures_total").isEqualTo(failuresBefore + 1);
    String pendingId = messages.of("TS-2026-000400").get(0).messageId();
    assertThat(received("down@firma.cz")).isEmpty();

    String sentId = outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000400", "down@firma.cz", SERIOUS,
        "ack-400");
    outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000400", "down@firma.cz", SERIOUS, "ack-400");

    assertThat(sentId).isEqualTo(pendingId);
    assertThat(status("ack-400")).isEqualTo("SENT");
    assertThat(received("down@firma.cz")).singleElement()
        .satisfies(mail -> assertThat(mail.getMessageID()).isEqualTo(pendingId));
  }

  @Test
  void aMailTheServerTookBeforeTheDeskCouldNoteItIsNotSentAgain() throws Exception {
    String inbox = "support@intouch-crm.cz";
    String messageId = outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000500", "petr@firma.cz", SERIOUS,
        "ack-500");
    MimeMessage delivered = single("petr@firma.cz");
    assertThat(delivered.getHeader("Bcc")).as("the blind copy is not shown to the customer").isNull();
    assertThat(ownCopies(inbox, messageId)).as("the desk's own copy").isEqualTo(1);

    // a crash between the server's 250 and the SENT commit leaves the row PENDING
    jdbc.update("UPDATE sd_ticket_message SET status = 'PENDING' WHERE dedup_key = 'ack-500'");
    assertThat(outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000500", "petr@firma.cz", SERIOUS, "ack-500"))
        .isEqualTo(messageId);

    assertThat(status("ack-500")).isEqualTo("SENT");
    assertThat(received("petr@firma.cz")).as("sent once").hasSize(1);
  }

  @Test
  void theOwnCopyIsFoundAlsoOnceThePollerHasFiledIt() throws Exception {
    greenMail.purgeEmailFromAllMailboxes(); // the poll below takes in only this test's mail
    String messageId = outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000501", "eva@firma.cz", SERIOUS,
        "ack-501");
    poller.pollOnce();
    assertThat(ownCopies("support@intouch-crm.cz", messageId)).as("left the INBOX").isZero();

    jdbc.update("UPDATE sd_ticket_message SET status = 'PENDING' WHERE dedup_key = 'ack-501'");
    outboundMail.send(MessageKind.ACKNOWLEDGEMENT, "TS-2026-000501", "eva@firma.cz", SERIOUS, "ack-501");

    assertThat(status("ack-501")).isEqualTo("SENT");
    assertThat(received("eva@firma.cz")).as("sent once").hasSize(1);
  }

  /** How many mails with this Message-ID the address's INBOX holds. */
  private long ownCopies(String address, String messageId) throws Exception {
    return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getUserManager().getUserByEmail(address))
        .getMessages().stream().filter(stored -> {
          try {
            return messageId.equals(stored.getMimeMessage().getMessageID());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).count();
  }

  private double sendFailures(String kind) {
    return registry.get("support.mail.send.failures").tag("kind", kind).counter().count();
  }

  private String status(String dedupKey) {
    return jdbc.queryForObject("SELECT status FROM sd_ticket_message WHERE dedup_key = ?", String.class, dedupKey);
  }

  private MimeMessage single(String recipient) throws Exception {
    List<MimeMessage> mails = received(recipient);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  // SMTP delivery is synchronous in GreenMail: what send() handed over is already in the mailbox
  private List<MimeMessage> received(String recipient) {
    return EngineTestSupport.delivered(greenMail).stream().filter(mail -> sentTo(mail, recipient)).toList();
  }

  private static boolean sentTo(MimeMessage mail, String recipient) {
    try {
      return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
          .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(recipient));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
