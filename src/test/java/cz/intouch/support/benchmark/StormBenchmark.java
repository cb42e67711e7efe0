package cz.intouch.support.benchmark;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.SupportDeskApplication;
import cz.intouch.support.TestPostgres;
import cz.intouch.support.sla.BusinessCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

/**
 * The 16:00 timer storm (mvn -Pstorm-benchmark test-compile exec:java -Dstorm.tickets=N -Dstorm.db=h2|postgres
 * -Dstorm.nodes=1|2 -Dstorm.mail=true|false): N open SERIOUS tickets wait at "Zahájit řešení" with their SLA warning
 * and breach timers due at one instant, 16:00 of the next business day. The engine clock is then moved to that
 * instant and the real job executor(s) fire everything: per ticket the two timers and the two asynchronous
 * notification steps behind them (warning mail to the agents, escalation with mails to managers and specialists).
 *
 * <p>Tickets are created through the engine API (started before "Zahájit řešení" with the contract's variables), not
 * through the intake: the storm is about the timers, and the intake has its own benchmark. Two nodes are two Spring
 * contexts of the desk in one JVM on the same database (H2 file or PostgreSQL), each with its own engine and job
 * executor; the second uses the first one's embedded mail server. Mails go to the embedded GreenMail over real SMTP;
 * {@code -Dstorm.mail=false} removes the demo staff's addresses first, so the steps run but send nothing.
 */
public final class StormBenchmark {

  private static final String ESCALATE = "ServiceTask_EscalateSlaBreach";
  private static final String WARN = "ServiceTask_NotifySlaWarning";
  private static final int CREATORS = 4;

  public static void main(String[] args) throws Exception {
    int tickets = Integer.getInteger("storm.tickets", 500);
    String db = System.getProperty("storm.db", "h2");
    int nodes = Integer.getInteger("storm.nodes", 1);
    boolean mail = Boolean.parseBoolean(System.getProperty("storm.mail", "true"));
    long timeoutMillis = Long.getLong("storm.timeoutSeconds", 900) * 1000;

    TestPostgres postgres = "postgres".equals(db) ? TestPostgres.start() : null;
    List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    try {
      List<String> common = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
          // SLA mails with nobody to send to log a warning per ticket (storm.mail=false)
          "--logging.level.cz.intouch.support.sla=ERROR",
          "--support.mail.intake.enabled=false",
          "--camunda.bpm.generate-unique-process-engine-name=true"));
      if (postgres != null) {
        common.addAll(List.of("--spring.datasource.url=" + postgres.jdbcUrl(),
            "--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password()));
      } else {
        Path data = Files.createTempDirectory("support-desk-storm");
        common.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
      }
      for (String arg : args) {
        common.add(arg); // e.g. --camunda.bpm.job-execution.max-pool-size=16 to try a setting
      }
      int smtp = TestSocketUtils.findAvailableTcpPort();
      for (int node = 1; node <= nodes; node++) {
        List<String> nodeArgs = new ArrayList<>(common);
        nodeArgs.add("--support.mail.smtp.port=" + smtp);
        if (node == 1) {
          nodeArgs.add("--support.mail.imap.port=" + TestSocketUtils.findAvailableTcpPort());
        } else {
          nodeArgs.add("--support.mail.embedded.enabled=false");
        }
        contexts.add(new SpringApplicationBuilder(SupportDeskApplication.class).run(nodeArgs.toArray(String[]::new)));
      }
      ProcessEngine engine = contexts.get(0).getBean(ProcessEngine.class);
      if (!mail) {
        removeStaffAddresses(engine.getIdentityService());
      }

      Instant due = BusinessCalendar.standard().closeOfFirstBusinessDayAfter(Instant.now()).toInstant();
      long created = System.nanoTime();
      createTickets(engine.getRuntimeService(), tickets, Date.from(due));
      double createSeconds = (System.nanoTime() - created) / 1e9;
      String loadBefore = uptime();

      // 16:00: the engine clock jumps to the due instant and keeps ticking from there
      long start = System.nanoTime();
      ClockUtil.offset(due.toEpochMilli() - System.currentTimeMillis());
      HistoryService history = engine.getHistoryService();
      long breachesDone = -1;
      long allDone = -1;
      long deadline = start + timeoutMillis * 1_000_000;
      while (allDone < 0 && System.nanoTime() < deadline) {
        long escalated = history.createHistoricActivityInstanceQuery().activityId(ESCALATE).finished().count();
        if (breachesDone < 0 && escalated >= tickets) {
          breachesDone = System.nanoTime();
        }
        if (breachesDone >= 0
            && history.createHistoricActivityInstanceQuery().activityId(WARN).finished().count() >= tickets) {
          allDone = System.nanoTime();
        }
        Thread.sleep(100); // polling the database, not timing the work
      }
      String loadAfter = uptime();

      System.out.printf("%nSTORM BENCHMARK (%s, %d node(s), staff mails %s, %d SERIOUS tickets, due %s)%n",
          postgres != null ? "PostgreSQL" : "H2 file", nodes, mail ? "to GreenMail" : "off", tickets, due);
      System.out.printf("  settings: %s%n", settings(contexts.get(0)));
      System.out.printf("  tickets created in %.1f s (%.0f/s, engine API, %d threads)%n", createSeconds,
          tickets / createSeconds, CREATORS);
      if (breachesDone < 0) {
        System.out.printf("  NOT DONE within %d s: %d of %d escalations finished%n", timeoutMillis / 1000,
            history.createHistoricActivityInstanceQuery().activityId(ESCALATE).finished().count(), tickets);
      } else {
        System.out.printf("  from the due instant to the last escalation done: %.1f s%n", (breachesDone - start) / 1e9);
        if (allDone >= 0) {
          System.out.printf("  to the last warning done too (all %d jobs):        %.1f s%n", 2 * tickets,
              (allDone - start) / 1e9);
        }
      }
      long dueMillis = due.toEpochMilli();
      System.out.printf("  lateness after the due instant, first / p50 / p99 / max:%n");
      System.out.printf("    breach timer fired (ACT_HI_JOB_LOG):         %s%n",
          percentiles(timerFired(history, SLA_BREACHED_TIMER), dueMillis));
      System.out.printf("    escalation done (ACT_HI_ACTINST end time):   %s%n",
          percentiles(activityEnds(history, ESCALATE), dueMillis));
      System.out.printf("    warning timer fired:                         %s%n",
          percentiles(timerFired(history, SLA_WARNING_TIMER), dueMillis));
      System.out.printf("    warning done:                                %s%n",
          percentiles(activityEnds(history, WARN), dueMillis));
      System.out.printf("  failed job executions: %d, incidents: %d%n",
          history.createHistoricJobLogQuery().failureLog().count(),
          engine.getRuntimeService().createIncidentQuery().count());
      System.out.printf("  machine load (uptime) before the storm: %s%n  after: %s%n", loadBefore, loadAfter);
    } finally {
      ClockUtil.reset();
      for (int i = contexts.size() - 1; i >= 0; i--) {
        contexts.get(i).close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** SERIOUS tickets waiting at "Zahájit řešení", as SLA computation leaves them, with both timers due at once. */
  private static void createTickets(RuntimeService runtime, int count, Date due) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    int year = Year.now().getValue();
    for (int t = 0; t < CREATORS; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          String ticketNumber = String.format("TS-%d-%06d", year, 500_000 + i);
          Map<String, Object> variables = new HashMap<>();
          variables.put(TICKET_NUMBER, ticketNumber);
          variables.put(CHANNEL, "EMAIL");
          variables.put(COMPANY_ID, "25596641");
          variables.put(COMPANY_NAME, "Strojírny Hořice a.s.");
          variables.put(CONTACT_NAME, "Jan Novák");
          variables.put(CONTACT_EMAIL, "jan.novak@strojirny-horice.cz");
          variables.put(PROGRAM_VERSION, "5.3.2");
          variables.put(IDENTIFIED, true);
          variables.put(CONTRACT_VALID, true);
          variables.put(SCOPE, "IN_SCOPE");
          variables.put(OUT_OF_SCOPE_CATEGORY, null);
          variables.put(URGENCY, "SERIOUS");
          variables.put(SLA_DEADLINE, due);
          variables.put(SLA_WARNING_AT, due);
          runtime.createProcessInstanceByKey(SUPPORT_REQUEST).businessKey(ticketNumber).setVariables(variables)
              .startBeforeActivity(INITIATE_RESOLUTION_TASK).execute();
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
  }

  private static void removeStaffAddresses(IdentityService identity) {
    for (User user : identity.createUserQuery().list()) {
      user.setEmail(null);
      identity.saveUser(user);
    }
  }

  private static List<Date> timerFired(HistoryService history, String timer) {
    return history.createHistoricJobLogQuery().successLog().activityIdIn(timer).list().stream()
        .map(HistoricJobLog::getTimestamp).toList();
  }

  private static List<Date> activityEnds(HistoryService history, String activity) {
    return history.createHistoricActivityInstanceQuery().activityId(activity).finished().list().stream()
        .map(HistoricActivityInstance::getEndTime).toList();
  }

  private static String percentiles(List<Date> times, long dueMillis) {
    if (times.isEmpty()) {
      return "none";
    }
    long[] late = times.stream().mapToLong(t -> t.getTime() - dueMillis).sorted().toArray();
    return String.format("%.1f s / %.1f s / %.1f s / %.1f s  (%d)", late[0] / 1e3, late[late.length / 2] / 1e3,
        late[(int) Math.min(late.length - 1, Math.ceil(late.length * 0.99) - 1)] / 1e3, late[late.length - 1] / 1e3,
        late.length);
  }

  private static String settings(ConfigurableApplicationContext app) {
    var env = app.getEnvironment();
    StringBuilder text = new StringBuilder();
    for (String key : List.of("core-pool-size", "max-pool-size", "queue-capacity", "max-jobs-per-acquisition",
        "wait-time-in-millis", "max-wait", "backoff-time-in-millis", "max-backoff", "lock-time-in-millis")) {
      text.append(key).append('=').append(env.getProperty("camunda.bpm.job-execution." + key, "default")).append(' ');
    }
    return text.append("hikari.maximum-pool-size=")
        .append(env.getProperty("spring.datasource.hikari.maximum-pool-size", "default")).toString();
  }

  private static String uptime() {
    try {
      return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
