package cz.intouch.support.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskApplication;
import cz.intouch.support.TestPostgres;
import cz.intouch.support.intake.MailboxPoller;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.outage.CustomerRequests.Fed;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.TestSocketUtils;

/**
 * PostgreSQL goes away for 30 seconds while mails keep arriving in the support INBOX: the desk recovers without a
 * restart (Hikari opens new connections, the job executor resumes), the mail poller backs off and logs the outage
 * once, and every mail ends as exactly one ticket with exactly one acknowledgement.
 *
 * <p>The outage is a TCP proxy between the desk and PostgreSQL that cuts every open connection and refuses new
 * ones for 30 s, as a database server that died and came back does (the server itself keeps running, so the test
 * works with any PostgreSQL {@link TestPostgres} provides). The desk runs as in production: job executor, mail
 * poller, embedded GreenMail, real time (about a minute and a half).
 */
class DatabaseOutageTest {

  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final int BEFORE = 3;
  private static final int DURING = 10;

  @Test
  void aThirtySecondDatabaseOutageLosesNoMailAndDoublesNoTicket() throws Exception {
    ListAppender<ILoggingEvent> pollerLog = new ListAppender<>();
    try (TestPostgres postgres = TestPostgres.start();
        OutageProxy database = new OutageProxy(TestSocketUtils.findAvailableTcpPort(), () -> port(postgres))) {
      try (ConfigurableApplicationContext desk = start(proxied(postgres.jdbcUrl(), database.port()), postgres)) {
        capture(MailboxPoller.class, pollerLog); // after the start: Spring Boot's logging setup resets Logback
        RuntimeService runtime = desk.getBean(ProcessEngine.class).getRuntimeService();
        JdbcTemplate jdbc = new JdbcTemplate(desk.getBean(DataSource.class));
        HealthEndpoint health = desk.getBean(HealthEndpoint.class);
        EmbeddedMailServer mailServer = desk.getBean(EmbeddedMailServer.class);
        CustomerRequests requests = new CustomerRequests(desk.getBean(MailSettings.class));
        String healthUrl = "http://127.0.0.1:" + desk.getEnvironment().getProperty("local.server.port")
            + "/actuator/health";

        List<Fed> fed = new ArrayList<>(requests.deliver(0, BEFORE));
        // handled means also the desk's own copies of its acknowledgements filed: the INBOX is empty
        await("tickets before the outage").atMost(Duration.ofSeconds(60))
            .until(() -> acknowledged(jdbc) == BEFORE && requests.inboxCount() == 0);
        assertThat(health.healthForPath("db").getStatus()).isEqualTo(Status.UP);

        database.down();
        long outageStart = System.nanoTime();
        int warningsBefore = warnings(pollerLog);
        fed.addAll(requests.deliver(BEFORE, DURING));
        await("health shows the database down").atMost(Duration.ofSeconds(25))
            .until(() -> health.healthForPath("db").getStatus().equals(Status.DOWN));
        assertThat(anonymousHealth(healthUrl)).isEqualTo(503);
        Duration rest = OUTAGE.minus(Duration.ofNanos(System.nanoTime() - outageStart));
        if (!rest.isNegative() && !rest.isZero()) {
          await("the rest of the outage: the mails wait in the INBOX").during(rest).atMost(rest.plusSeconds(10))
              .until(() -> requests.inboxCount() == DURING);
        }
        int outageWarnings = warnings(pollerLog) - warningsBefore;

        database.up();
        long recoveryStart = System.nanoTime();
        await("every mail a ticket, every ticket acknowledged").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> requests.inboxCount() == 0 && acknowledged(jdbc) == BEFORE + DURING
                && runtime.createIncidentQuery().count() == 0);
        long recoveredAfter = Duration.ofNanos(System.nanoTime() - recoveryStart).toSeconds();
        await("no second acknowledgement").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
            .until(() -> sentByDesk(mailServer) == BEFORE + DURING);

        for (Fed request : fed) {
          List<String> tickets = jdbc.queryForList("SELECT ticket_number FROM sd_mail_intake WHERE message_id = ?"
              + " AND outcome = 'TICKET_OPENED'", String.class, request.messageId());
          assertThat(tickets).as("tickets of %s", request.messageId()).hasSize(1);
          String ticket = tickets.get(0);
          assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).count()).isEqualTo(1);
          List<MimeMessage> toCustomer = EngineTestSupport.mailsTo(mailServer.greenMail(), request.customer().email());
          assertThat(toCustomer.stream().filter(mail -> subject(mail).contains("[" + ticket + "]")))
              .as("acknowledgements of %s", ticket).hasSize(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT ticket_number) FROM sd_mail_intake", Integer.class))
            .isEqualTo(BEFORE + DURING);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_mail_intake", Integer.class))
            .isEqualTo(BEFORE + DURING);
        assertThat(health.healthForPath("db").getStatus()).isEqualTo(Status.UP);
        assertThat(anonymousHealth(healthUrl)).isEqualTo(200);
        assertThat(outageWarnings).as("poller warnings during the outage").isEqualTo(1);

        System.out.printf("Database outage of %d s: %d mails arrived meanwhile and waited in the INBOX; %d s after "
            + "the database came back all %d mails were exactly one ticket each with one acknowledgement, no "
            + "incident; the poller logged the outage %d time(s)%n", OUTAGE.toSeconds(), DURING, recoveredAfter,
            BEFORE + DURING, outageWarnings);
      }
    } finally {
      ((Logger) LoggerFactory.getLogger(MailboxPoller.class)).detachAppender(pollerLog);
    }
  }

  private static int acknowledged(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket_message WHERE direction = 'OUT'"
        + " AND kind = 'ACKNOWLEDGEMENT' AND status = 'SENT'", Integer.class);
  }

  private static long sentByDesk(EmbeddedMailServer mailServer) {
    return EngineTestSupport.delivered(mailServer.greenMail()).stream()
        .filter(mail -> subject(mail).contains("[TS-")).count();
  }

  private static int anonymousHealth(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static ConfigurableApplicationContext start(String url, TestPostgres postgres) {
    Map<String, String> properties = Map.ofEntries(
        Map.entry("server.port", "0"),
        // no Tasklist/Cockpit here: the webapps keep static state that belongs to the shared test context
        Map.entry("spring.autoconfigure.exclude",
            "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"),
        Map.entry("camunda.bpm.process-engine-name", "outage"),
        Map.entry("camunda.bpm.job-execution.enabled", "true"),
        Map.entry("support.mail.intake.enabled", "true"),
        Map.entry("support.mail.intake.poll-interval", "1s"),
        Map.entry("support.mail.smtp.port", String.valueOf(TestSocketUtils.findAvailableTcpPort())),
        Map.entry("support.mail.imap.port", String.valueOf(TestSocketUtils.findAvailableTcpPort())),
        Map.entry("spring.datasource.url", url),
        Map.entry("spring.datasource.username", postgres.user()),
        Map.entry("spring.datasource.password", postgres.password()));
    // as command-line arguments, so they win over application-test.yaml
    return new SpringApplicationBuilder(SupportDeskApplication.class).profiles("test")
        .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
  }

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+)(?::(\\d+))?/");

  private static int port(TestPostgres postgres) {
    Matcher matcher = HOST_PORT.matcher(postgres.jdbcUrl());
    if (!matcher.find()) {
      throw new IllegalStateException("No host in " + postgres.jdbcUrl());
    }
    return matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
  }

  private static String proxied(String url, int proxyPort) {
    return HOST_PORT.matcher(url).replaceFirst("//127.0.0.1:" + proxyPort + "/");
  }

  private static void capture(Class<?> type, ListAppender<ILoggingEvent> appender) {
    appender.start();
    ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
  }

  private static int warnings(ListAppender<ILoggingEvent> log) {
    synchronized (log) { // AppenderBase appends under the appender's lock
      return (int) log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).count();
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
