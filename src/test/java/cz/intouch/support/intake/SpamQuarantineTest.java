package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.customer.CustomerImport;
import cz.intouch.support.intake.MailIntake.Outcome;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spam and phishing never become tickets and are never answered: an upstream filter's verdict, or the analysts'
 * table {@code dmn/spam.dmn} on the signals of the mail, sends them to the mail quarantine with reason SPAM.
 */
@SupportDeskTest
class SpamQuarantineTest {

  private static final Path BATCH_A = Path.of("src/test/resources/mailbox-corpus/batch-a");

  @Autowired MailboxPoller poller;
  @Autowired MailSettings settings;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired CustomerImport customers;

  @AfterEach
  void reset() {
    poller.afterCommit(null);
    ClockUtil.reset();
  }

  @Test
  void spamAndPhishingWaitInTheQuarantineWithReasonSpamAndNobodyIsAnswered() throws Exception {
    customers.importCsv(Files.readString(BATCH_A.resolve("customers.csv"), StandardCharsets.UTF_8));
    long mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);
    long sentMark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_ticket_message", Long.class);
    List<String> spam = List.of(
        "013-spam-phishing-deaktivace-schranky.eml", // X-Spam-Flag: YES
        "003-spam-seo-nabidka.eml", // SEO offer with List-Unsubscribe, no filter verdict
        "030-spam-falesna-faktura.eml", // a fake invoice from a lookalike domain
        "047-spam-ceo-urgentni-platba.eml"); // a registered contact forged, answers to go to gmail
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    new SupportMailbox(settings, mailServer).deliver(spam.stream().map(SpamQuarantineTest::read).toList(),
        Instant.parse("2026-11-23T08:00:00Z"));

    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.QUARANTINED, 4));
    EngineTestSupport.runAsyncSteps(management);

    assertThat(jdbc.queryForList("SELECT q.reason FROM sd_mail_quarantine q JOIN sd_mail_intake i ON i.id = "
        + "q.intake_id WHERE i.id > ?", String.class, mark)).hasSize(4).allSatisfy(reason -> assertThat(reason)
        .startsWith("SPAM"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_mail_intake WHERE id > ? AND ticket_number IS NOT NULL",
        Long.class, mark)).as("no ticket").isZero();
    // to whom a reply would go (other tests' tickets may send while the async steps run)
    List<String> senders = spam.stream().flatMap(file -> replyAddresses(file).stream()).toList();
    assertThat(senders).hasSizeGreaterThanOrEqualTo(4);
    assertThat(jdbc.queryForList("SELECT LOWER(recipient) FROM sd_ticket_message WHERE id > ? AND direction = 'OUT'",
        String.class, sentMark)).as("nothing answered").doesNotContainAnyElementsOf(senders);
    assertThat(tasks.createTaskQuery().taskDefinitionKey("UserTask_ReviewQuarantinedMail").list())
        .as("an agent can still open each as a ticket").extracting(task -> tasks.getVariable(task.getId(), "reason"))
        .filteredOn(reason -> reason.toString().startsWith("SPAM")).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aCustomersMailAboutInvoicesIsNoSpam() throws Exception {
    customers.importCsv(Files.readString(BATCH_A.resolve("customers.csv"), StandardCharsets.UTF_8));
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-11-24T09:00:00Z")));
    new SupportMailbox(settings, mailServer).deliver(read("007-nejde-tisknout-faktury.eml"),
        Instant.parse("2026-11-24T08:00:00Z"));

    assertThat(poller.pollOnce().outcomes()).containsExactly(Map.entry(Outcome.TICKET_OPENED, 1));
  }

  /** A corpus mail with a Message-ID of its own, so that the corpus test in the same JVM still sees it as new. */
  private static List<String> replyAddresses(String file) {
    try {
      MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(read(file)));
      List<Address> addresses = new ArrayList<>(Arrays.asList(mail.getFrom()));
      if (mail.getReplyTo() != null) {
        addresses.addAll(Arrays.asList(mail.getReplyTo()));
      }
      return addresses.stream().map(address -> ((InternetAddress) address).getAddress().toLowerCase()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(file, e);
    }
  }

  private static byte[] read(String file) {
    try {
      return new String(Files.readAllBytes(BATCH_A.resolve(file)), StandardCharsets.ISO_8859_1)
          .replaceFirst("(?im)^(Message-ID:\\s*<)", "$1" + java.util.UUID.randomUUID() + ".")
          .getBytes(StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
