package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a unit test (its name keeps it out of the default surefire run): {@code mvn -Pmail-benchmark verify}, or
 * {@code mvn test -Dtest=MailIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>2,000 requests from 2,000 registered contacts land in the support INBOX at once; the poller and the job
 * executor run as on the default run (file H2, the application's pool and executor settings, intake on with its
 * default interval). Reported: mails/s from arrival to the started process, and the time until the last
 * acknowledgement was accepted by the SMTP server.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:file:./target/mail-benchmark/support-desk-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=true",
    "support.mail.intake.enabled=true",
    "logging.level.cz.intouch.support=WARN",
    "logging.level.cz.intouch.support.intake.MailboxPoller=INFO"})
@ActiveProfiles("test")
class MailIntakeBenchmark {

  private static final int MAILS = 2_000;
  private static final String HORICE = "28166345";

  @Autowired MailSettings settings;
  @Autowired CustomerRegistry customers;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedMailServer mailServer;

  @Test
  void twoThousandMailsAtOnce() throws Exception {
    Company company = customers.findCompanyByIco(HORICE).orElseThrow();
    List<byte[]> mails = new ArrayList<>();
    for (int i = 0; i < MAILS; i++) {
      String address = "kontakt" + i + "@strojirny-horice.cz";
      customers.addContact(company.id(), "Kontakt Číslo" + letters(i), address, CustomerRegistry.SOURCE_IMPORT);
      mails.add(("From: Kontakt <" + address + ">\r\nTo: support@intouch-crm.cz\r\n"
          + "Subject: =?UTF-8?Q?Nejde_tisk_faktur?= " + i + "\r\nMessage-ID: <bench." + i + "." + System.nanoTime()
          + "@strojirny-horice.cz>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
          + "Content-Transfer-Encoding: 8bit\r\n\r\nDobrý den, ve verzi 5.3.2 nejde tisk faktur, tiskárna hlásí "
          + "chybu.\r\n\r\nS pozdravem\r\nKontakt Číslo" + letters(i) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    // "at once": straight into the server's INBOX, as if its SMTP side had just accepted them all
    MailFolder inbox = mailServer.greenMail().getManagers().getImapHostManager()
        .getInbox(mailServer.greenMail().getUserManager().getUser(settings.imap().user()));
    Session session = Session.getInstance(new Properties());
    List<MimeMessage> parsed = new ArrayList<>();
    for (byte[] mail : mails) {
      parsed.add(new MimeMessage(session, new ByteArrayInputStream(mail)));
    }
    Instant started = Instant.now();
    for (MimeMessage mail : parsed) {
      inbox.appendMessage(mail, new Flags(), Date.from(started));
    }
    Instant arrived = Instant.now();

    waitFor(() -> count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'supportRequest'") >= MAILS,
        Duration.ofMinutes(10));
    Instant lastStarted = instant("SELECT MAX(START_TIME_) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'supportRequest'");
    waitFor(() -> count("SELECT COUNT(*) FROM sd_ticket_message WHERE direction = 'OUT' AND kind = 'ACKNOWLEDGEMENT'"
        + " AND status = 'SENT'") >= MAILS, Duration.ofMinutes(15));
    Instant lastAcknowledged = instant(
        "SELECT MAX(occurred_at) FROM sd_ticket_message WHERE direction = 'OUT' AND kind = 'ACKNOWLEDGEMENT'");

    double seconds = Duration.between(started, lastStarted).toMillis() / 1000.0;
    System.out.printf(Locale.ROOT, "%n=== Mail intake benchmark: %d mails ===%n"
            + "dropping them into the INBOX took  %6.1f s%n"
            + "arrival -> last process started    %6.1f s  = %.1f mails/s%n"
            + "arrival -> last acknowledgement    %6.1f s%n"
            + "tickets %d, acknowledgements sent %d, mails left in INBOX %d%n%n",
        MAILS, Duration.between(started, arrived).toMillis() / 1000.0, seconds, MAILS / seconds,
        Duration.between(started, lastAcknowledged).toMillis() / 1000.0,
        count("SELECT COUNT(*) FROM sd_mail_intake WHERE outcome = 'TICKET_OPENED'"),
        count("SELECT COUNT(*) FROM sd_ticket_message WHERE kind = 'ACKNOWLEDGEMENT' AND status = 'SENT'"),
        new SupportMailbox(settings, mailServer).count("INBOX"));
    assertThat(count("SELECT COUNT(*) FROM sd_mail_intake WHERE outcome = 'TICKET_OPENED'")).isEqualTo(MAILS);
  }

  /** Person names without digits (the registry's name key ignores them): A, B, ..., AA, AB, ... */
  private static String letters(int i) {
    StringBuilder name = new StringBuilder();
    for (int n = i + 1; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('a' + (n - 1) % 26));
    }
    return name.toString();
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private Instant instant(String sql) {
    Object value = jdbc.queryForObject(sql, Object.class);
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return value instanceof OffsetDateTime offset ? offset.toInstant() : Instant.parse(value.toString());
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Not done within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
