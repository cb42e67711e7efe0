package cz.intouch.support.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.outage.CustomerRequests.Fed;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The mail server goes away for two minutes while requests keep arriving (IMAP stays up): the acknowledgements
 * retry, end as incidents, and once SMTP answers again every customer gets each acknowledgement exactly once,
 * without an operator ({@code MailJobRecovery}).
 *
 * <p>The outage is a TCP proxy between the desk and GreenMail's SMTP ({@code spring.mail.port}) that breaks its
 * connections and refuses new ones, as a stopped server does. The job executor, the mail poller and the recovery run
 * as in production, in real time (about three and a half minutes).
 */
@SupportDeskTest
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=true",
    "support.mail.intake.enabled=true",
    "support.mail.intake.poll-interval=1s",
    "support.mail.recovery.enabled=true",
    "support.mail.recovery.check-interval=5s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // stops its job executor for the next class
class SmtpOutageTest {

  private static final int TICKETS = 10;
  private static final Duration OUTAGE = Duration.ofMinutes(2);
  private static final String ACKNOWLEDGE = "ServiceTask_Acknowledge";

  private static volatile int greenMailSmtp;
  private static final OutageProxy SMTP = proxy();

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired MailSettings settings;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired TestRestTemplate http;

  @DynamicPropertySource
  static void sendThroughTheProxy(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", SMTP::port);
  }

  @AfterAll
  static void closeProxy() throws Exception {
    SMTP.close();
  }

  @Test
  void acknowledgementsHeldUpByATwoMinuteSmtpOutageReachEachCustomerExactlyOnceWithoutAnOperator()
      throws Exception {
    greenMailSmtp = settings.smtp().port();
    mailServer.greenMail().purgeEmailFromAllMailboxes();
    CustomerRequests requests = new CustomerRequests(settings);
    assertThat(mailHealth()).isEqualTo("UP");

    SMTP.down();
    long outageStart = System.nanoTime();
    List<Fed> fed = requests.deliver(0, TICKETS);

    await("an incident per acknowledgement").atMost(Duration.ofSeconds(110)).pollInterval(Duration.ofSeconds(1))
        .until(() -> acknowledgementIncidents() == TICKETS);
    long incidentsAfter = secondsSince(outageStart);
    assertThat(mailHealth()).isEqualTo("DOWN");
    Map<String, String> tickets = ticketsByMessageId();
    assertThat(tickets).hasSize(TICKETS);
    assertThat(statuses(tickets.values())).containsOnlyKeys("PENDING");
    assertThat(sentByDesk()).isZero();

    Duration rest = OUTAGE.minusSeconds(secondsSince(outageStart));
    if (!rest.isNegative() && !rest.isZero()) {
      await("the rest of the outage, nothing sent").during(rest).atMost(rest.plusSeconds(10))
          .until(() -> sentByDesk() == 0
              && acknowledgementIncidents() == TICKETS);
    }
    assertThat(mailHealth()).isEqualTo("DOWN");

    SMTP.up();
    long recoveryStart = System.nanoTime();
    await("every acknowledgement sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> sentByDesk() >= TICKETS
            && runtime.createIncidentQuery().count() == 0);
    long recoveredAfter = secondsSince(recoveryStart);
    // a doubled mail would arrive in the next seconds: wait and look again
    await("no second copy").during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15))
        .until(() -> sentByDesk() == TICKETS);

    for (Fed request : fed) {
      String ticket = tickets.get(request.messageId());
      List<MimeMessage> toCustomer = EngineTestSupport.mailsTo(mailServer.greenMail(), request.customer().email());
      assertThat(toCustomer.stream().filter(mail -> subject(mail).contains("[" + ticket + "]")))
          .as("acknowledgements of %s to %s", ticket, request.customer().email()).hasSize(1);
    }
    assertThat(statuses(tickets.values())).containsExactly(Map.entry("SENT", (long) TICKETS));
    assertThat(management.createJobQuery().noRetriesLeft().count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().activityIdIn("UserTask_InitiateResolution").count())
        .isEqualTo(TICKETS);
    assertThat(mailHealth()).isEqualTo("UP");

    System.out.printf("SMTP outage of %d s: %d tickets arrived by IMAP meanwhile, all %d acknowledgements were "
        + "incidents %d s after the outage began; %d s after SMTP came back every customer had each "
        + "acknowledgement exactly once (%d mails sent), no incident left%n", OUTAGE.toSeconds(), TICKETS,
        TICKETS, incidentsAfter, recoveredAfter, sentByDesk());
  }

  /** Mails the desk sent (the support mailbox, which holds the requests and the desk's own copies, left out). */
  private long sentByDesk() {
    return EngineTestSupport.delivered(mailServer.greenMail()).stream()
        .filter(mail -> from(mail).contains(settings.supportAddress())).count();
  }

  private long acknowledgementIncidents() {
    return runtime.createIncidentQuery().activityId(ACKNOWLEDGE).count();
  }

  private Map<String, String> ticketsByMessageId() {
    return jdbc.query("SELECT message_id, ticket_number FROM sd_mail_intake WHERE outcome = 'TICKET_OPENED'",
        (row, n) -> Map.entry(row.getString(1), row.getString(2))).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private Map<String, Long> statuses(java.util.Collection<String> tickets) {
    return jdbc.queryForList("SELECT ticket_number, status FROM sd_ticket_message WHERE direction = 'OUT'")
        .stream().filter(row -> tickets.contains(row.get("TICKET_NUMBER")))
        .collect(Collectors.groupingBy(row -> (String) row.get("STATUS"), Collectors.counting()));
  }

  private String mailHealth() {
    JsonNode health = http.withBasicAuth("admin", "admin").getForObject("/actuator/health", JsonNode.class);
    return health.path("components").path("mail").path("status").asText();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String from(MimeMessage mail) {
    try {
      return java.util.Arrays.toString(mail.getFrom());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long secondsSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
  }

  private static OutageProxy proxy() {
    try {
      return new OutageProxy(TestSocketUtils.findAvailableTcpPort(), () -> greenMailSmtp);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
