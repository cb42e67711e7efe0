package cz.intouch.support.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import cz.intouch.support.TestPostgres;
import cz.intouch.support.sla.BusinessCalendar;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Crash safety of the whole mail path, by fault injection: a desk runs as its own JVM on a real database while
 * customers keep writing, and is killed with {@code kill -9} again and again (during start-up, inside the intake
 * transaction, right after an acknowledgement was sent, inside the SMTP exchange, during identification and during
 * SLA escalations), restarted each time with the engine clock further ahead so SLA timers fall due. The mail
 * server lives in this JVM and outlives every desk. After a last clean run the ledger must show every mail fed
 * exactly once, every acknowledgement sent, no stuck job and every escalation run once.
 *
 * <p>Each mail the desk sent must have reached its recipient's mailbox exactly once. The hard window is a kill
 * after the server stored a mail and before the desk committed SENT (the SMTP_ACCEPTED moment aims at it): SMTP
 * cannot tell the retry "I already have this one", the desk's own blind copy in the support mailbox does
 * ({@code OwnCopies}).
 */
@Execution(ExecutionMode.CONCURRENT) // the two databases side by side: a desk mostly waits for its disk and mail
class CrashSafetyTest {

  private static final String SUPPORT = "support@intouch-crm.cz";
  private static final List<String> STAFF = List.of("admin@intouch-crm.cz", "agent@intouch-crm.cz",
      "specialist@intouch-crm.cz", "manager@intouch-crm.cz");
  private static final int KILLS_PER_DATABASE = 10;
  /** A desk JVM starts in ~20 s on an idle machine; a machine busy with other builds took over 90 s. */
  private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(180);
  /** How long the last desk may work without its backlog of mail and jobs shrinking before it counts as stuck. */
  private static final Duration STALL_PATIENCE = Duration.ofSeconds(90);
  private static final Pattern TICKET_TAG = Pattern.compile("\\[TS-\\d{4}-\\d{6}]");

  /** Where a kill lands; one desk run each. */
  enum Moment {
    /** while Spring and the engine start (demo import, SLA recalculation, first acquisition) */
    STARTUP(null),
    /** the intake's log line is written inside its transaction, before the commit */
    INTAKE("Mail .* from .*: TICKET_OPENED|Mail .* quarantined as "),
    /** SENT committed, the job's own transaction (mail counter, next step) not yet */
    ACKNOWLEDGEMENT_SENT("Sent ACKNOWLEDGEMENT of "),
    /** GreenMail stored the acknowledgement and has not answered 250 yet */
    SMTP_ACCEPTED(null),
    /** a customer's reply correlated into identification, before its transaction commits */
    IDENTIFICATION("Mail .* from .*: REPLY_ADDED .*\\(CORRELATED\\)|Sent MISSING_IDENTIFICATION of "),
    /** an SLA escalation job inside its transaction, its staff notice queued for the digest and not committed */
    SLA("Noted SLA_(WARNING|BREACHED) of "),
    /** wherever the desk happens to be */
    RANDOM(null);

    final Pattern line;

    Moment(String line) {
      this.line = line == null ? null : Pattern.compile(line);
    }
  }

  /** The schedule of one database: every kind of moment, SLA ones once the clock has moved. */
  private static final List<Moment> SCHEDULE = List.of(Moment.STARTUP, Moment.INTAKE, Moment.ACKNOWLEDGEMENT_SENT,
      Moment.SMTP_ACCEPTED, Moment.INTAKE, Moment.SLA, Moment.IDENTIFICATION, Moment.SLA, Moment.RANDOM,
      Moment.RANDOM);
  /** From this run on the engine clock stands between the warnings and the deadlines of today's requests. */
  private static final int WARNINGS_DUE = 5;
  /** From this run on it stands past their deadlines, an hour further each run. */
  private static final int DEADLINES_PASSED = 7;

  private GreenMail greenMail;
  private final Map<String, MailFolder> inboxes = new LinkedHashMap<>();
  private final AtomicBoolean killOnAcknowledgement = new AtomicBoolean();
  private volatile DeskProcess armed;

  /** Kept after the run: the desks' logs and the H2 files are what to read when a check fails. */
  private final Path workDir = Path.of("target", "crash-safety").toAbsolutePath();

  @BeforeEach
  void startMailServer() throws Exception {
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    greenMail.start();
    List<String> mailboxes = new ArrayList<>(List.of(SUPPORT));
    mailboxes.addAll(MailFeed.everyAddress());
    mailboxes.addAll(STAFF);
    for (String address : mailboxes) {
      GreenMailUser user = greenMail.setUser(address, address, address);
      MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
      inboxes.put(address, inbox);
      if (!address.equals(SUPPORT)) {
        inbox.addListener(new KillOnStore(inbox));
      }
    }
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void aDeskOnH2FilesKilledAtRandomLosesNoMailAndRepeatsNothing() throws Exception {
    // the default run's own datasource settings: ./data/support-desk under the desk's working directory
    Path dir = fresh(workDir.resolve("h2"));
    Figures figures = survive("h2", dir, Map.of());
    String url = "jdbc:h2:file:" + dir.resolve("data/support-desk").toAbsolutePath();
    check("h2", figures, DriverManager.getConnection(url, "sa", ""));
  }

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void aDeskOnPostgresKilledAtRandomLosesNoMailAndRepeatsNothing() throws Exception {
    try (TestPostgres postgres = TestPostgres.start()) {
      Figures figures = survive("postgres", fresh(workDir.resolve("postgres")), Map.of(
          "spring.datasource.url", postgres.jdbcUrl(),
          "spring.datasource.username", postgres.user(),
          "spring.datasource.password", postgres.password()));
      check("postgres", figures, DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
          postgres.password()));
    }
  }

  /** What happened to the desks of one database, for the report and the checks. */
  private record Figures(long seed, List<String> kills, int fed, Duration finalOffset, List<String> logs,
      List<MailFeed.Fed> mails, Duration took) {}

  private Figures survive(String name, Path dir, Map<String, String> database) throws Exception {
    long began = System.nanoTime();
    long seed = Long.getLong("faults.seed", System.nanoTime());
    Random random = new Random(seed);
    int httpPort = freePort();
    Map<String, String> properties = new HashMap<>(database);
    properties.putAll(Map.of(
        "server.port", String.valueOf(httpPort),
        "support.mail.embedded.enabled", "false",
        "support.mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()),
        "support.mail.imap.port", String.valueOf(greenMail.getImap().getPort()),
        "support.mail.intake.poll-interval", "500ms",
        // the same few demo contacts write all the time here: the mail-loop cap is not what is tested
        "support.mail.auto-reply-limit-per-day", "100000",
        // jobs locked by a killed desk are taken again after 10 s instead of 5 min
        "camunda.bpm.job-execution.lock-time-in-millis", "10000",
        "logging.level.root", "WARN",
        "logging.level.cz.intouch.support", "INFO"));
    DeskProcess desk = new DeskProcess(dir, ShiftedClockDesk.class.getName(), properties);

    // the timers of a request received now: its warning falls due first, then its deadline
    Instant now = Instant.now();
    BusinessCalendar calendar = BusinessCalendar.standard();
    Instant deadline = calendar.closeOfFirstBusinessDayAfter(now).toInstant();
    Duration beforeDeadline = Duration.between(now, deadline).minusMinutes(30);
    Duration pastDeadline = Duration.between(now, deadline).plusHours(1);

    MailFeed feed = new MailFeed(greenMail, SUPPORT, seed, name, this::lastDeskMailTo);
    feed.start();
    List<String> kills = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    Duration offset = Duration.ZERO;
    try {
      for (int run = 0; run < KILLS_PER_DATABASE; run++) {
        Moment moment = SCHEDULE.get(run);
        // the clock only ever moves forward: a lock or due date written by a later clock stays in the future
        if (run >= DEADLINES_PASSED) {
          offset = pastDeadline.plusHours(run - DEADLINES_PASSED);
        } else if (run >= WARNINGS_DUE) {
          offset = beforeDeadline;
        }
        String log = "desk-" + run + "-" + moment + ".log";
        logs.add(dir.resolve(log).toString());
        kills.add(runUntilKilled(desk, log, moment, offset, random));
        System.out.printf(Locale.ROOT, "%s kill %d at %s s: %s, %d mails fed%n", name, run + 1,
            Duration.ofNanos(System.nanoTime() - began).toSeconds(), kills.get(run), feed.fed().size());
      }
    } finally {
      feed.stop();
      if (desk.isAlive()) {
        desk.kill();
      }
    }

    desk.clearWatchers();
    desk.start("desk-final.log", Map.of(ShiftedClockDesk.OFFSET, offset.toString()));
    logs.add(dir.resolve("desk-final.log").toString());
    desk.awaitLine(DeskProcess.READY, STARTUP_PATIENCE);
    awaitQuiet(name, httpPort);
    desk.stop();
    return new Figures(seed, kills, feed.fed().size(), offset, logs, feed.fed(),
        Duration.ofNanos(System.nanoTime() - began));
  }

  /** One desk run, killed at the moment; returns what happened for the report. */
  private String runUntilKilled(DeskProcess desk, String log, Moment moment, Duration offset, Random random)
      throws Exception {
    AtomicBoolean hit = new AtomicBoolean();
    int nth = 1 + random.nextInt(3);
    AtomicInteger seen = new AtomicInteger();
    desk.clearWatchers();
    if (moment.line != null) {
      desk.watch(line -> {
        if (moment.line.matcher(line).find() && seen.incrementAndGet() == nth && hit.compareAndSet(false, true)) {
          desk.destroyNow();
        }
      });
    }
    desk.start(log, Map.of(ShiftedClockDesk.OFFSET, offset.toString()));
    if (moment == Moment.STARTUP) {
      DeskProcess.await().pollDelay(Duration.ofMillis(2_000 + random.nextInt(6_000))).until(() -> true);
      hit.set(!desk.saw(DeskProcess.READY));
    } else {
      // a watcher may kill the desk even before it reports ready
      DeskProcess.await().atMost(STARTUP_PATIENCE).pollInterval(Duration.ofMillis(100))
          .until(() -> !desk.isAlive() || desk.saw(DeskProcess.READY));
      if (moment == Moment.SMTP_ACCEPTED) {
        armed = desk;
        killOnAcknowledgement.set(true);
      }
      Duration patience = moment == Moment.RANDOM ? Duration.ofMillis(500 + random.nextInt(8_000))
          : Duration.ofSeconds(20);
      long until = System.nanoTime() + patience.toNanos();
      DeskProcess.await().atMost(patience.plusSeconds(5)).pollInterval(Duration.ofMillis(50))
          .until(() -> !desk.isAlive() || System.nanoTime() >= until);
      killOnAcknowledgement.set(false);
      if (moment == Moment.SMTP_ACCEPTED) {
        hit.set(!desk.isAlive());
      } else if (moment == Moment.RANDOM) {
        hit.set(true);
      }
    }
    desk.kill();
    return moment + (hit.get() ? "" : " (moment not reached: killed after waiting)");
  }

  /** Kills the armed desk the moment GreenMail stores an acknowledgement, before SMTP says 250 to the desk. */
  private final class KillOnStore implements FolderListener {

    private final MailFolder folder;

    KillOnStore(MailFolder folder) {
      this.folder = folder;
    }

    @Override
    public void added(int msn) {
      if (killOnAcknowledgement.get()) {
        List<StoredMessage> messages = folder.getMessages();
        try {
          String subject = messages.get(messages.size() - 1).getMimeMessage().getSubject();
          if (subject.startsWith("Potvrzení přijetí") && killOnAcknowledgement.compareAndSet(true, false)) {
            armed.destroyNow();
          }
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    @Override
    public void expunged(int msn) {}

    @Override
    public void flagsUpdated(int msn, Flags flags, Long uid) {}

    @Override
    public void mailboxDeleted() {}
  }

  /**
   * The INBOX is empty and no job is due, three times in a row a second apart. The last desk starts with every
   * deadline of the run passed at once, so it may have hundreds of escalations to work off while the other
   * database's desks share the machine: it is given as long as it makes progress, and fails when the backlog has
   * not shrunk for {@link #STALL_PATIENCE} (a stuck job, a mail the intake never takes), naming what is left.
   */
  private void awaitQuiet(String name, int httpPort) {
    HttpClient http = HttpClient.newHttpClient();
    AtomicInteger quiet = new AtomicInteger();
    long began = System.nanoTime();
    long[] least = {Long.MAX_VALUE};
    long[] lastProgress = {began};
    long[] lastReport = {began};
    DeskProcess.await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      long inbox = inboxes.get(SUPPORT).getMessageCount();
      long jobs = count(http, httpPort, "/engine-rest/job/count?executable=true");
      long now = System.nanoTime();
      if (inbox + jobs < least[0]) {
        least[0] = inbox + jobs;
        lastProgress[0] = now;
      }
      if (now - lastReport[0] >= Duration.ofSeconds(15).toNanos()) {
        lastReport[0] = now;
        System.out.printf(Locale.ROOT, "%s quieting for %d s: %d mails in the INBOX, %d executable jobs%n", name,
            Duration.ofNanos(now - began).toSeconds(), inbox, jobs);
      }
      if (now - lastProgress[0] >= STALL_PATIENCE.toNanos()) {
        throw new AssertionError(name + ": no progress for " + STALL_PATIENCE.toSeconds() + " s, " + inbox
            + " mails in the INBOX, " + jobs + " executable jobs: " + body(http, httpPort,
            "/engine-rest/job?executable=true&maxResults=5"));
      }
      boolean idle = inbox == 0 && jobs == 0;
      return idle ? quiet.incrementAndGet() >= 3 : quiet.getAndSet(0) < 0;
    });
    System.out.printf(Locale.ROOT, "%s quiet after %d s%n", name, Duration.ofNanos(System.nanoTime() - began)
        .toSeconds());
  }

  private static String body(HttpClient http, int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long count(HttpClient http, int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher matcher = Pattern.compile("\"count\":(\\d+)").matcher(response.body());
    if (response.statusCode() != 200 || !matcher.find()) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
    }
    return Long.parseLong(matcher.group(1));
  }

  /** The subject and Message-ID of the newest ticket mail in the address's mailbox, for a customer to answer. */
  private Optional<Map.Entry<String, String>> lastDeskMailTo(String address) {
    List<StoredMessage> messages = inboxes.get(address).getMessages();
    try {
      for (int i = messages.size() - 1; i >= 0; i--) {
        MimeMessage mail = messages.get(i).getMimeMessage();
        // not the extranet invitation: an answer to it is a new request, rightly
        if (TICKET_TAG.matcher(mail.getSubject()).find()) {
          return Optional.of(Map.entry(mail.getSubject(), mail.getMessageID()));
        }
      }
      return Optional.empty();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the checks, on the database the desks left behind ---------------------------------------------------

  private void check(String name, Figures figures, Connection connection) throws SQLException {
    try (connection) {
      JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      Map<String, Map<String, Object>> ledger = new HashMap<>();
      for (Map<String, Object> row : db.queryForList(
          "SELECT id, message_id, outcome, ticket_number, note FROM sd_mail_intake")) {
        if (row.get("message_id") != null) {
          ledger.put(bare(row.get("message_id").toString()), row);
        }
      }
      Map<String, Long> deliveries = deliveriesByMessageId();
      Map<String, Object> outgoingCount = new LinkedHashMap<>();

      int lost = 0;
      List<String> wrong = new ArrayList<>();
      int tickets = 0;
      int replies = 0;
      int quarantined = 0;
      for (MailFeed.Fed mail : figures.mails()) {
        Map<String, Object> row = ledger.get(bare(mail.messageId()));
        if (row == null) {
          lost++;
          wrong.add(mail.messageId() + " LOST");
          continue;
        }
        String outcome = row.get("outcome").toString();
        String expected = switch (mail.kind()) {
          case REQUEST, UNIDENTIFIED -> "TICKET_OPENED";
          case REPLY -> "REPLY_ADDED";
          case MALFORMED -> "QUARANTINED";
        };
        // a stranger's answer after identification named someone else as the ticket's contact is a new ticket
        // related to the first (MailIntake: SENDER_NOT_OF_TICKET_COMPANY): still exactly one ticket, nothing lost
        boolean relatedTicket = mail.kind() == MailFeed.Kind.REPLY && "TICKET_OPENED".equals(outcome)
            && String.valueOf(row.get("note")).contains("SENDER_NOT_OF_TICKET_COMPANY");
        if (!outcome.equals(expected) && !relatedTicket) {
          wrong.add(mail.messageId() + " " + outcome + " instead of " + expected);
        }
        switch (outcome) {
          case "TICKET_OPENED" -> {
            tickets++;
            long instances = db.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = "
                + "'supportRequest' AND business_key_ = ?", Long.class, row.get("ticket_number"));
            if (instances != 1) {
              wrong.add(mail.messageId() + " has " + instances + " processes for " + row.get("ticket_number"));
            }
          }
          case "REPLY_ADDED" -> {
            replies++;
            long messages = db.queryForObject("SELECT COUNT(*) FROM sd_ticket_message WHERE direction = 'IN' "
                + "AND message_id = ?", Long.class, row.get("message_id"));
            if (messages != 1) {
              wrong.add(mail.messageId() + " is " + messages + " messages on " + row.get("ticket_number"));
            }
          }
          case "QUARANTINED" -> {
            quarantined++;
            long entries = db.queryForObject("SELECT COUNT(*) FROM sd_mail_quarantine q JOIN act_hi_procinst p "
                + "ON p.business_key_ = CONCAT('KARANTENA-', CAST(q.id AS VARCHAR(20))) WHERE q.intake_id = ?",
                Long.class, row.get("id"));
            if (entries != 1) {
              wrong.add(mail.messageId() + " is " + entries + " quarantine entries");
            }
          }
          default -> { }
        }
      }
      long ticketProcesses = db.queryForObject(
          "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'supportRequest'", Long.class);

      // every mail the desk decided to send: stored once, SENT, delivered; repeats counted per Message-ID
      List<Map<String, Object>> outgoing = db.queryForList(
          "SELECT ticket_number, kind, recipient, message_id, status FROM sd_ticket_message WHERE direction = 'OUT'");
      int undelivered = 0;
      int doubled = 0;
      List<String> doubles = new ArrayList<>();
      for (Map<String, Object> mail : outgoing) {
        outgoingCount.merge(mail.get("kind").toString(), 1, (a, b) -> (Integer) a + 1);
        long delivered = deliveries.getOrDefault(bare(mail.get("message_id").toString()), 0L);
        if ("SENT".equals(mail.get("status")) && delivered == 0 || "PENDING".equals(mail.get("status"))) {
          undelivered++;
          wrong.add(mail.get("kind") + " of " + mail.get("ticket_number") + " " + mail.get("status") + ", delivered "
              + delivered + " times");
        }
        if (delivered > 1) {
          doubled += delivered - 1;
          doubles.add(mail.get("kind") + " of " + mail.get("ticket_number") + " x" + delivered);
          wrong.add(mail.get("kind") + " of " + mail.get("ticket_number") + " delivered " + delivered + " times");
        }
      }
      // SENT committed (the line is logged right after) means never again: a repeat must come from a kill between
      // the server's acceptance and that commit
      Map<String, Long> sentLines = sentLogLines(figures.logs());
      sentLines.forEach((id, times) -> {
        if (times > 1) {
          wrong.add(id + " logged as sent " + times + " times");
        }
      });
      // a delivery the outbox does not know: the desk lost its record and sent under a new Message-ID
      List<String> known = outgoing.stream().map(mail -> bare(mail.get("message_id").toString())).toList();
      List<String> strangers = deliveries.keySet().stream().filter(id -> !known.contains(id))
          .filter(id -> !id.startsWith("extranet.") && !id.startsWith("staff-digest.")).toList();
      wrong.addAll(strangers.stream().map(id -> "delivered but not in the outbox: " + id).toList());

      // one acknowledgement per ticket that got past identification, none for any other
      List<Map<String, Object>> acknowledgements = db.queryForList("""
          SELECT p.business_key_ AS ticket, COUNT(m.id) AS mails FROM act_hi_actinst a
          JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_
          LEFT JOIN sd_ticket_message m ON m.ticket_number = p.business_key_ AND m.kind = 'ACKNOWLEDGEMENT'
          WHERE a.act_id_ = 'ServiceTask_Acknowledge' AND a.end_time_ IS NOT NULL
          GROUP BY p.business_key_""");
      acknowledgements.stream().filter(row -> ((Number) row.get("mails")).longValue() != 1)
          .forEach(row -> wrong.add(row.get("ticket") + " has " + row.get("mails") + " acknowledgements"));
      long acknowledgedMails = outgoing.stream().filter(mail -> "ACKNOWLEDGEMENT".equals(mail.get("kind"))).count();
      if (acknowledgedMails != acknowledgements.size()) {
        wrong.add(acknowledgedMails + " acknowledgement mails for " + acknowledgements.size() + " acknowledged tickets");
      }

      // every escalation step ran at most once per ticket, and each one that was due has run
      List<Map<String, Object>> escalations = db.queryForList("""
          SELECT a.act_id_ AS step, a.proc_inst_id_ AS instance, COUNT(*) AS runs FROM act_hi_actinst a
          WHERE a.act_id_ IN ('ServiceTask_NotifySlaWarning', 'ServiceTask_EscalateSlaBreach')
          GROUP BY a.act_id_, a.proc_inst_id_""");
      escalations.stream().filter(row -> ((Number) row.get("runs")).longValue() != 1)
          .forEach(row -> wrong.add(row.get("step") + " ran " + row.get("runs") + " times in " + row.get("instance")));
      long warnings = escalations.stream().filter(row -> row.get("step").toString().contains("Warning")).count();
      long breaches = escalations.size() - warnings;

      // no job stuck: none out of retries, no incident, nothing due left for a desk that is gone
      Timestamp engineNow = Timestamp.from(Instant.now().plus(figures.finalOffset()));
      long failedJobs = db.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0", Long.class);
      long incidents = db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Long.class);
      long dueJobs = db.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= ?",
          Long.class, engineNow);
      long dueWarnings = db.queryForObject("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = "
          + "j.job_def_id_ WHERE d.act_id_ IN ('BoundaryEvent_SlaWarning', 'BoundaryEvent_SlaBreached') "
          + "AND j.duedate_ <= ?", Long.class, engineNow);

      String report = String.format(Locale.ROOT, """
          Crash safety on %s (seed %d, %s, final engine clock +%s):
            kills survived: %d (%s)
            mails fed: %d -> tickets %d, replies %d, quarantined %d; lost %d; ticket processes %d
            mails sent by the desk: %s; undelivered %d; doubled %d %s; unknown Message-IDs %d
            acknowledged tickets %d; SLA warnings run %d, breaches escalated %d
            jobs: out of retries %d, incidents %d, due and left %d
            logs: %s
          """, name, figures.seed(), figures.took().toSeconds() + " s", figures.finalOffset(), figures.kills().size(),
          String.join(", ", figures.kills()), figures.fed(), tickets, replies, quarantined, lost, ticketProcesses,
          outgoingCount, undelivered, doubled, doubles, strangers.size(), acknowledgements.size(), warnings, breaches,
          failedJobs, incidents, dueJobs, figures.logs().get(0).replaceAll("desk-0.*", ""));
      System.out.println(report);

      assertThat(wrong).as(report).isEmpty();
      assertThat(figures.kills()).hasSize(KILLS_PER_DATABASE);
      // the window exactly-once depends on must really have been hit, or "doubled 0" proves nothing
      assertThat(figures.kills()).as("kills").contains(Moment.SMTP_ACCEPTED.name());
      assertThat(tickets).isEqualTo(ticketProcesses);
      assertThat(quarantined).isEqualTo(1);
      assertThat(replies).as("replies fed").isPositive();
      assertThat(acknowledgements).as("acknowledged tickets").isNotEmpty();
      assertThat(warnings + breaches).as("SLA escalations run").isPositive();
      assertThat(List.of(failedJobs, incidents, dueJobs, dueWarnings)).as(report).containsOnly(0L);
    }
  }

  private static final Pattern SENT_LINE = Pattern.compile("Sent \\w+ of TS-\\d{4}-\\d{6} to \\S+ as (<[^>]+>)");

  /** How often each Message-ID was logged as sent, over all the desks' logs. */
  private static Map<String, Long> sentLogLines(List<String> logs) {
    Map<String, Long> sent = new HashMap<>();
    for (String log : logs) {
      try {
        Matcher matcher = SENT_LINE.matcher(Files.readString(Path.of(log), StandardCharsets.UTF_8));
        while (matcher.find()) {
          sent.merge(bare(matcher.group(1)), 1L, Long::sum);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return sent;
  }

  /** Deliveries of desk mails to the customers' and staff mailboxes, per Message-ID (without brackets). */
  private Map<String, Long> deliveriesByMessageId() {
    return inboxes.entrySet().stream().filter(entry -> !entry.getKey().equals(SUPPORT))
        .flatMap(entry -> entry.getValue().getMessages().stream()).map(message -> {
          try {
            return bare(message.getMimeMessage().getMessageID());
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
  }

  private static String bare(String messageId) {
    return messageId.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
  }

  private static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
