package cz.intouch.support.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import cz.intouch.support.TestPostgres;
import cz.intouch.support.sla.BusinessCalendar;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two desk nodes, each a JVM with its job executor, on one PostgreSQL, both configured to read the same support
 * mailbox. 300 serious requests arrive; the node that reads the mailbox (the holder of the mailbox lease) is killed
 * with {@code kill -9} while it works through the first half; the other takes over and gets the second half too. Then every ticket has exactly one number, one
 * acknowledgement in its customer's mailbox and, once the engine clock has passed the deadlines on both nodes,
 * exactly one SLA escalation.
 */
class TwoNodeClusterTest {

  private static final String SUPPORT = "support@intouch-crm.cz";
  /** Demo contacts with a valid contract (src/main/resources/demo/customers.csv): identified at once. */
  private static final List<String> CONTACTS = MailFeed.CONTACTS;
  private static final List<String> STAFF = List.of("admin@intouch-crm.cz", "agent@intouch-crm.cz",
      "specialist@intouch-crm.cz", "manager@intouch-crm.cz");
  private static final int MAILS = 300;
  private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(180);
  private static final Pattern TICKET_TAG = Pattern.compile("\\[(TS-\\d{4}-\\d{6})]");
  private static final String ACKNOWLEDGEMENT_SUBJECT = "Potvrzení přijetí Vašeho požadavku";

  private final Path workDir = Path.of("target", "two-nodes").toAbsolutePath();
  private GreenMail greenMail;

  @BeforeEach
  void startMailServer() throws IOException {
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    greenMail.start();
    for (String address : Stream.of(List.of(SUPPORT), CONTACTS, STAFF).flatMap(List::stream).toList()) {
      greenMail.setUser(address, address, address);
    }
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void twoNodesShareOneMailboxAndOneDatabaseAndLoseNothingWhenTheReaderDies() throws Exception {
    try (TestPostgres postgres = TestPostgres.start();
        Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
      Map<String, String> shared = new HashMap<>(Map.of(
          "spring.datasource.url", postgres.jdbcUrl(),
          "spring.datasource.username", postgres.user(),
          "spring.datasource.password", postgres.password(),
          "support.mail.embedded.enabled", "false",
          "support.mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()),
          "support.mail.imap.port", String.valueOf(greenMail.getImap().getPort()),
          "support.mail.intake.poll-interval", "500ms",
          "support.mail.intake.lease-time", "3s",
          "support.mail.auto-reply-limit-per-day", "100000",
          "camunda.bpm.job-execution.lock-time-in-millis", "10000"));
      shared.put("logging.level.root", "WARN");
      shared.put("logging.level.cz.intouch.support", "INFO");
      DeskProcess first = node("node-1", shared);
      DeskProcess second = node("node-2", shared);

      long began = System.nanoTime();
      startBoth(first, second, Duration.ZERO);
      // the first half arrives; the reading node dies while it is still working through it
      for (int i = 1; i <= MAILS / 2; i++) {
        send(CONTACTS.get(i % CONTACTS.size()), i);
      }
      DeskProcess.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
          .until(() -> count(db, "SELECT COUNT(*) FROM sd_mail_intake") >= MAILS / 4);
      DeskProcess reader = readerOf(db, first, second);
      DeskProcess survivor = reader == first ? second : first;
      reader.kill();
      long intakeAtKill = count(db, "SELECT COUNT(*) FROM sd_mail_intake");
      System.out.printf(Locale.ROOT, "two nodes: killed the reader (pid %d) after %d of %d mails, %d s in%n",
          reader.pid(), intakeAtKill, MAILS, Duration.ofNanos(System.nanoTime() - began).toSeconds());
      // the second half arrives with one node left
      for (int i = MAILS / 2 + 1; i <= MAILS; i++) {
        send(CONTACTS.get(i % CONTACTS.size()), i);
      }

      // the survivor takes the lease over and reads the rest; its job executor sends what the dead node left
      DeskProcess.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
          .until(() -> acknowledgements().size() >= MAILS
              && count(db, "SELECT COUNT(*) FROM sd_mail_intake") >= MAILS);
      assertThat(readerOf(db, first, second)).as("the survivor reads the mailbox now").isSameAs(survivor);

      List<String> tickets = strings(db, "SELECT business_key_ FROM act_hi_procinst"
          + " WHERE proc_def_key_ = 'supportRequest' ORDER BY business_key_");
      assertThat(count(db, "SELECT COUNT(*) FROM sd_mail_intake WHERE outcome = 'TICKET_OPENED'"))
          .as("every mail opened one ticket").isEqualTo(MAILS);
      assertThat(tickets).as("300 tickets").hasSize(MAILS).doesNotHaveDuplicates();
      Map<String, Integer> acknowledged = acknowledgements();
      assertThat(acknowledged.keySet()).as("every ticket acknowledged").containsExactlyInAnyOrderElementsOf(tickets);
      List<String> doubled = acknowledged.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
          .toList();

      // every deadline passes on both nodes: each breach timer fires on exactly one of them, once
      survivor.stop();
      Instant now = Instant.now();
      Duration pastDeadlines = Duration.between(now,
          BusinessCalendar.standard().closeOfFirstBusinessDayAfter(now).toInstant()).plusHours(1);
      startBoth(first, second, pastDeadlines);
      DeskProcess.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
          .until(() -> count(db, "SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = 'BoundaryEvent_SlaBreached'")
              >= MAILS);
      long breaches = count(db, "SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = 'BoundaryEvent_SlaBreached'");
      long ticketsEscalated = count(db,
          "SELECT COUNT(DISTINCT proc_inst_id_) FROM act_hi_actinst WHERE act_id_ = 'BoundaryEvent_SlaBreached'");
      long incidents = count(db, "SELECT COUNT(*) FROM act_ru_incident");
      first.stop();
      second.stop();

      System.out.printf(Locale.ROOT, "two nodes: %d mails, %d tickets, %d acknowledged (%d twice, same Message-ID),"
          + " %d breaches on %d tickets, %d incidents, %d s%n", MAILS, tickets.size(), acknowledged.size(),
          doubled.size(), breaches, ticketsEscalated, incidents, Duration.ofNanos(System.nanoTime() - began).toSeconds());
      assertThat(breaches).as("each breach timer fired once").isEqualTo(MAILS);
      assertThat(ticketsEscalated).isEqualTo(MAILS);
      assertThat(incidents).isZero();
      // a kill between the SMTP server's acceptance and the SENT commit sends that one mail again (CrashSafetyTest)
      assertThat(doubled).as("acknowledged twice").hasSizeLessThanOrEqualTo(2);
    }
  }

  private DeskProcess node(String name, Map<String, String> shared) throws IOException {
    Map<String, String> properties = new HashMap<>(shared);
    properties.put("server.port", String.valueOf(freePort()));
    Path dir = workDir.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    return new DeskProcess(dir, ShiftedClockDesk.class.getName(), properties);
  }

  private void startBoth(DeskProcess first, DeskProcess second, Duration clockOffset) throws IOException {
    String log = clockOffset.isZero() ? "desk.log" : "desk-past-deadlines.log";
    // one after the other, as operators bring a cluster up: the first node on a new database creates the engine's
    // schema, which two nodes creating it at the same moment would collide on
    first.start(log, Map.of(ShiftedClockDesk.OFFSET, clockOffset.toString()));
    first.awaitLine(DeskProcess.READY, STARTUP_PATIENCE);
    second.start(log, Map.of(ShiftedClockDesk.OFFSET, clockOffset.toString()));
    second.awaitLine(DeskProcess.READY, STARTUP_PATIENCE);
  }

  /** The node whose process id names the holder of an unexpired mailbox lease. */
  private static DeskProcess readerOf(Connection db, DeskProcess first, DeskProcess second) throws SQLException {
    List<String> holders = new ArrayList<>();
    DeskProcess.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      holders.clear();
      holders.addAll(strings(db, "SELECT holder FROM sd_mailbox_lease WHERE expires_at > CURRENT_TIMESTAMP"));
      return holders.size() == 1;
    });
    String holder = holders.get(0);
    return holder.startsWith(first.pid() + "@") ? first : second;
  }

  /** Acknowledgements in the customers' mailboxes, per ticket number. */
  private Map<String, Integer> acknowledgements() throws Exception {
    Map<String, Integer> perTicket = new HashMap<>();
    for (MimeMessage received : cz.intouch.support.EngineTestSupport.delivered(greenMail)) {
      String subject = received.getSubject();
      Matcher tag = TICKET_TAG.matcher(subject == null ? "" : subject);
      if (subject != null && subject.startsWith(ACKNOWLEDGEMENT_SUBJECT) && tag.find()) {
        perTicket.merge(tag.group(1), 1, Integer::sum);
      }
    }
    return perTicket;
  }

  private void send(String from, int n) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
    MimeMessage mail = new MimeMessage(Session.getInstance(properties));
    mail.setFrom(new InternetAddress(from));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
    mail.setSubject("Program nejde spustit (" + n + ")", "UTF-8");
    mail.setText("Dobrý den,\npo aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže"
        + " pracovat.\n\nDěkuji", "UTF-8");
    mail.setHeader("Message-ID", "<cluster-" + n + "@" + from.substring(from.indexOf('@') + 1) + ">");
    Transport.send(mail);
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
