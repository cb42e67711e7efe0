package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.ticket.TicketVariables;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The operators' metrics move with what happens at the desk: tickets created over the API and through the real
 * mailbox, triage, SLA timers, the outbox during an SMTP outage, the quarantine, the job executor's backlog and the
 * intake lag. Each figure is read from the registry and from the scraped /actuator/prometheus text. The gauges'
 * cache is off here (CachedTest covers it), so every read is fresh.
 */
@SupportDeskTest
@AutoConfigureObservability(tracing = false) // Spring Boot tests leave the Prometheus registry out otherwise
@TestPropertySource(properties = "support.metrics.gauge-cache=0s")
class OperatorMetricsTest {

  private static final String NOVAK = "jan.novak@strojirny-horice.cz";
  private static final Instant MONDAY_0900 = Instant.parse("2026-11-23T08:00:00Z");
  private static final String SERIOUS_TEXT =
      "Dobrý den, po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.";
  private static final String QUESTION_TEXT = "Dobrý den, jak nastavím uživatelská práva ve verzi 5.3.2?";

  @LocalServerPort int port;
  @Autowired MeterRegistry registry;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired MailboxPoller poller;
  @Autowired MailSettings settings;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private SupportMailbox mailbox;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    mailServer.greenMail().purgeEmailFromAllMailboxes();
    mailbox = new SupportMailbox(settings, mailServer);
    ClockUtil.setCurrentTime(Date.from(MONDAY_0900));
  }

  @AfterEach
  void tearDown() {
    poller.afterCommit(null);
    ClockUtil.reset();
  }

  @Test
  void ticketsAreCountedByChannelWhenRegisteredAndByUrgencyWhenClassified() throws Exception {
    Figures before = figures();

    String web = create("WEB", "Program nejde spustit", SERIOUS_TEXT);
    String phone = create("PHONE", "Uživatelská práva", QUESTION_TEXT);
    mailbox.deliver(SupportMailbox.corpus("utf8-quoted-printable.eml", Map.of()), MONDAY_0900);
    poller.pollOnce();

    // received, not yet registered: the registration is the start's asynchronous continuation
    Figures received = figures();
    assertThat(received.registered("WEB") + received.registered("PHONE") + received.registered("EMAIL"))
        .isEqualTo(before.registered("WEB") + before.registered("PHONE") + before.registered("EMAIL"));
    assertThat(received.open("UNCLASSIFIED")).isEqualTo(before.open("UNCLASSIFIED") + 3);
    assertThat(received.jobsDue()).isEqualTo(before.jobsDue() + 3);

    EngineTestSupport.runAsyncSteps(management);

    Figures after = figures();
    assertThat(after.registered("WEB")).isEqualTo(before.registered("WEB") + 1);
    assertThat(after.registered("PHONE")).isEqualTo(before.registered("PHONE") + 1);
    assertThat(after.registered("EMAIL")).isEqualTo(before.registered("EMAIL") + 1);
    String mail = ticketOfLastMail();
    assertThat(List.of(urgency(web), urgency(phone), urgency(mail)))
        .containsExactly("SERIOUS", "COMMON_QUESTION", "SERIOUS");
    assertThat(after.classified("WEB", "SERIOUS")).isEqualTo(before.classified("WEB", "SERIOUS") + 1);
    assertThat(after.classified("PHONE", "COMMON_QUESTION"))
        .isEqualTo(before.classified("PHONE", "COMMON_QUESTION") + 1);
    assertThat(after.classified("EMAIL", "SERIOUS")).isEqualTo(before.classified("EMAIL", "SERIOUS") + 1);
    assertThat(after.open("SERIOUS")).isEqualTo(before.open("SERIOUS") + 2);
    assertThat(after.open("COMMON_QUESTION")).isEqualTo(before.open("COMMON_QUESTION") + 1);
    assertThat(after.open("UNCLASSIFIED")).isEqualTo(before.open("UNCLASSIFIED"));
    assertThat(after.jobsDue()).as("the job executor's backlog is done").isEqualTo(before.jobsDue());
    // the scrape shows what the registry holds
    assertThat(registry.get("support.tickets.registered").tag("channel", "EMAIL").counter().count())
        .isEqualTo(after.registered("EMAIL"));
    assertThat(registry.get("support.tickets.classified").tags("channel", "PHONE", "urgency", "COMMON_QUESTION")
        .counter().count()).isEqualTo(after.classified("PHONE", "COMMON_QUESTION"));
    assertThat(registry.get("support.tickets.open").tag("urgency", "SERIOUS").gauge().value())
        .isEqualTo(after.open("SERIOUS"));
  }

  @Test
  void slaWarningsAndBreachesAreCountedByUrgency() throws Exception {
    ProcessInstance ticket = instance(create("WEB", "Program nejde spustit", SERIOUS_TEXT));
    EngineTestSupport.runAsyncSteps(management);
    double warnings = value("support_sla_warnings_total{urgency=\"SERIOUS\"}");
    double breaches = value("support_sla_breaches_total{urgency=\"SERIOUS\"}");

    fire(ticket, TicketVariables.SLA_WARNING_TIMER);
    assertThat(value("support_sla_warnings_total{urgency=\"SERIOUS\"}")).isEqualTo(warnings + 1);
    assertThat(value("support_sla_breaches_total{urgency=\"SERIOUS\"}")).isEqualTo(breaches);

    fire(ticket, TicketVariables.SLA_BREACHED_TIMER);
    assertThat(value("support_sla_breaches_total{urgency=\"SERIOUS\"}")).isEqualTo(breaches + 1);
    assertThat(value("support_sla_warnings_total{urgency=\"SERIOUS\"}")).isEqualTo(warnings + 1);
    assertThat(registry.get("support.sla.breaches").tag("urgency", "SERIOUS").counter().count())
        .isEqualTo(breaches + 1);
  }

  @Test
  void aMailTheSmtpServerRefusesShowsInTheOutboxAndAsAFailedStepUntilItGoesOut() throws Exception {
    ProcessInstance ticket = instance(create("WEB", "Program nejde spustit", SERIOUS_TEXT));
    BpmnAwareTests.execute(BpmnAwareTests.job(ticket)); // registration, identification, triage
    Job acknowledgement = BpmnAwareTests.job("ServiceTask_Acknowledge", ticket);
    double failures = value("support_mail_send_failures_total{kind=\"ACKNOWLEDGEMENT\"}");
    double pending = value("support_mail_outbox_pending");
    double failedSteps = value("support_mail_failed_steps");
    double failedJobs = value("support_jobs_failed");

    int smtpPort = mailSender.getPort();
    mailSender.setPort(TestSocketUtils.findAvailableTcpPort()); // nobody listens there: SMTP is down
    int attempts = 0;
    try {
      while (management.createJobQuery().jobId(acknowledgement.getId()).singleResult().getRetries() > 0) {
        assertThatThrownBy(() -> management.executeJob(acknowledgement.getId()))
            .hasMessageContaining("not sent (kept PENDING");
        attempts++;
      }
    } finally {
      mailSender.setPort(smtpPort);
    }

    assertThat(value("support_mail_send_failures_total{kind=\"ACKNOWLEDGEMENT\"}")).isEqualTo(failures + attempts);
    assertThat(value("support_mail_outbox_pending")).isEqualTo(pending + 1);
    assertThat(value("support_mail_failed_steps")).isEqualTo(failedSteps + 1);
    assertThat(value("support_jobs_failed")).isEqualTo(failedJobs + 1);

    // what an operator does in Cockpit, or the recovery once SMTP answers: the step gets a retry and the mail goes out
    management.setJobRetries(acknowledgement.getId(), 1);
    management.executeJob(acknowledgement.getId());

    assertThat(value("support_mail_outbox_pending")).isEqualTo(pending);
    assertThat(value("support_mail_failed_steps")).isEqualTo(failedSteps);
    assertThat(value("support_jobs_failed")).isEqualTo(failedJobs);
  }

  @Test
  void theIntakeLagIsTheAgeOfTheOldestMailLeftInTheInboxAtTheLastPoll() throws Exception {
    poller.pollOnce();
    assertThat(value("support_mail_intake_last_poll_age_seconds")).isZero();
    assertThat(value("support_mail_intake_lag_seconds")).as("an empty INBOX").isZero();
    Instant tenMinutesAgo = MONDAY_0900.minus(Duration.ofMinutes(10));
    mailbox.deliver(SupportMailbox.corpus("utf8-quoted-printable.eml", Map.of()), tenMinutesAgo);
    double[] lagWhileHandled = new double[1];
    poller.afterCommit(key -> {
      lagWhileHandled[0] = registry.get("support.mail.intake.lag.seconds").gauge().value();
      throw new IllegalStateException("kill -9"); // the node dies before the mail is moved out of the INBOX
    });

    assertThatThrownBy(poller::pollOnce).hasMessage("kill -9");

    assertThat(lagWhileHandled[0]).isEqualTo(600);
    assertThat(value("support_mail_intake_lag_seconds")).as("the mail is still in the INBOX").isEqualTo(600);
    ClockUtil.setCurrentTime(Date.from(MONDAY_0900.plus(Duration.ofMinutes(2))));
    assertThat(value("support_mail_intake_lag_seconds")).as("grows while nobody polls").isEqualTo(720);
    assertThat(value("support_mail_intake_last_poll_age_seconds")).as("the failed poll does not count")
        .isEqualTo(120);

    poller.afterCommit(null);
    poller.pollOnce();

    assertThat(mailbox.count("INBOX")).isZero();
    assertThat(value("support_mail_intake_lag_seconds")).isZero();
    assertThat(value("support_mail_intake_last_poll_age_seconds")).isZero();
  }

  @Test
  void theQuarantineCountsTheMailsWaitingForAnAgent() throws Exception {
    double waiting = value("support_mail_quarantine_waiting");
    mailbox.deliver(SupportMailbox.corpus("no-from.eml", Map.of()), MONDAY_0900);
    poller.pollOnce();

    assertThat(value("support_mail_quarantine_waiting")).isEqualTo(waiting + 1);

    long quarantined = jdbc.queryForObject("SELECT MAX(id) FROM sd_mail_quarantine", Long.class);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey("KARANTENA-" + quarantined).singleResult();
    tasks.complete(review.getId(), Map.of("quarantineDecision", "DISCARD"));

    assertThat(value("support_mail_quarantine_waiting")).isEqualTo(waiting);
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  /** The figures of the first scenario at one moment, as scraped. */
  private Figures figures() throws Exception {
    return new Figures(scrape());
  }

  private final class Figures {

    private final String scrape;

    Figures(String scrape) {
      this.scrape = scrape;
    }

    double registered(String channel) {
      return seriesIn(scrape, "support_tickets_registered_total{channel=\"" + channel + "\"}");
    }

    double classified(String channel, String urgency) {
      return seriesIn(scrape,
          "support_tickets_classified_total{channel=\"" + channel + "\",urgency=\"" + urgency + "\"}");
    }

    double open(String urgency) {
      return seriesIn(scrape, "support_tickets_open{urgency=\"" + urgency + "\"}");
    }

    double jobsDue() {
      return seriesIn(scrape, "support_jobs_due");
    }
  }

  private String create(String channel, String subject, String body) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/tickets"))
        .header("Authorization", basic("agent"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("channel", channel,
            "subject", subject, "body", body, "contactEmail", NOVAK)), StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("ticketNumber").asText();
  }

  private ProcessInstance instance(String ticketNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(TicketVariables.SUPPORT_REQUEST)
        .processInstanceBusinessKey(ticketNumber).singleResult();
  }

  private String urgency(String ticketNumber) {
    return (String) runtime.getVariable(instance(ticketNumber).getId(), TicketVariables.URGENCY);
  }

  private String ticketOfLastMail() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(TicketVariables.SUPPORT_REQUEST)
        .variableValueEquals(TicketVariables.CHANNEL, "EMAIL").orderByProcessInstanceStartTime().desc().list()
        .get(0).getBusinessKey();
  }

  /** Moves the engine clock to the timer's due date, fires it and runs the notification step it starts. */
  private void fire(ProcessInstance ticket, String timerId) {
    Job timer = management.createJobQuery().processInstanceId(ticket.getId()).timers().activityId(timerId)
        .singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    EngineTestSupport.runAsyncSteps(management);
  }

  private double value(String series) throws Exception {
    return seriesIn(scrape(), series);
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/actuator/prometheus")).header("Authorization", basic("admin")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of one series (name and labels exactly as scraped) in the Prometheus text format. */
  static double seriesIn(String scrape, String series) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    assertThat(line.find()).as(series + " in the scrape").isTrue();
    return Double.parseDouble(line.group(1));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
