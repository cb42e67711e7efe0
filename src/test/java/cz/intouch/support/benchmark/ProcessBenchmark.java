package cz.intouch.support.benchmark;

import cz.intouch.support.SupportDeskApplication;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.triage.TriageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.TestSocketUtils;

/**
 * Rerunnable benchmark (mvn -Pbenchmark verify, or run this class): N tickets through the full support process to
 * the first agent task ("Zahájit řešení", after DMN triage, identification, the SLA computation and the
 * acknowledgement mail over real SMTP), beside the bare engine's rate for a minimal start → user task process,
 * in the same run on the same H2 file database with the job executor on. Then the triage dry run's latency.
 */
public final class ProcessBenchmark {

  private static final int THREADS = 4;

  public static void main(String[] args) throws Exception {
    int tickets = Integer.getInteger("benchmark.tickets", 500);
    int triageCalls = Integer.getInteger("benchmark.triage", 20_000);
    Path data = Files.createTempDirectory("support-desk-benchmark");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--support.mail.smtp.port=" + TestSocketUtils.findAvailableTcpPort(),
            "--support.mail.imap.port=" + TestSocketUtils.findAvailableTcpPort(),
            // one demo contact sends every ticket here: lift the anti-loop cap so every acknowledgement is sent
            "--support.mail.auto-reply-limit-per-day=1000000",
            "--logging.level.root=WARN")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      TicketIntake intake = app.getBean(TicketIntake.class);

      engine.getRepositoryService().createDeployment().name("benchmark")
          .addModelInstance("bare-benchmark.bpmn", Bpmn.createExecutableProcess("bareBenchmark")
              .camundaHistoryTimeToLive(1).startEvent().userTask("UserTask_Bare").endEvent().done())
          .deploy();

      // warm-up: class loading, JIT, caches
      run(50, i -> engine.getRuntimeService().startProcessInstanceByKey("bareBenchmark"));
      run(50, i -> openTicket(intake, i));
      awaitTasks(engine, "UserTask_InitiateResolution", 50, Duration.ofMinutes(2));

      SqlStatements sql = new SqlStatements(app.getBean(JdbcTemplate.class));
      sql.reset();
      double bare = rate(tickets, run(tickets, i -> engine.getRuntimeService().startProcessInstanceByKey("bareBenchmark")),
          () -> awaitTasks(engine, "UserTask_Bare", 50 + tickets, Duration.ofMinutes(5)));
      SqlStatements.Counts bareSql = sql.countsPer(tickets);
      sql.reset();
      long before = System.nanoTime();
      run(tickets, i -> openTicket(intake, 1000 + i));
      double opened = tickets / ((System.nanoTime() - before) / 1e9);
      awaitTasks(engine, "UserTask_InitiateResolution", 50 + tickets, Duration.ofMinutes(10));
      double full = tickets / ((System.nanoTime() - before) / 1e9);
      SqlStatements.Counts fullSql = sql.countsPer(tickets);
      if (Boolean.getBoolean("benchmark.sqlDetail")) {
        sql.printTop(tickets, 60);
      }

      TriageService triage = app.getBean(TriageService.class);
      long[] nanos = new long[triageCalls];
      OffsetDateTime received = OffsetDateTime.parse("2026-11-27T15:00:00+01:00");
      // steady state: the JIT has compiled the FEEL interpreter's hot paths before we measure
      for (int i = 0; i < Integer.getInteger("benchmark.warmup", 10_000); i++) {
        triage.triage("Program nejde spustit", "Po aktualizaci 5.3.2 padá při startu.", "EMAIL", received);
      }
      for (int i = 0; i < triageCalls; i++) {
        long start = System.nanoTime();
        triage.triage("Chyba při exportu " + (i % 50), "Export do Excelu ve verzi 5.3.2 končí chybou, prosím o radu.",
            i % 2 == 0 ? "EMAIL" : "WEB", received.plusMinutes(i % 600));
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);

      System.out.printf("%nBENCHMARK (H2 file database, job executor on, %d threads starting, %d tickets)%n",
          THREADS, tickets);
      System.out.printf("  bare engine (start -> user task):        %8.1f instances/s%n", bare);
      System.out.printf("  full support process (to Zahájit řešení): %8.1f tickets/s  = %.0f %% of bare%n", full,
          100 * full / bare);
      System.out.printf("    of which the synchronous intake (number, stored text, started process): %8.1f tickets/s%n", opened);
      System.out.printf("  SQL statements per instance: bare %s; full %s%n", bareSql, fullSql);
      // the same statement rate on both sides means the gap is the work per ticket, not slow code on the way
      System.out.printf("  SQL statements per second: bare %.0f, full %.0f%n", bare * bareSql.total(),
          full * fullSql.total());
      System.out.printf("  triage dry run (%d calls): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", triageCalls,
          nanos[triageCalls / 2] / 1e6, nanos[(int) (triageCalls * 0.99)] / 1e6, nanos[triageCalls - 1] / 1e6);
    }
  }

  /**
   * H2's own statement statistics: what each instance costs the database, independent of the machine. The
   * benchmark's polling for finished tasks (a count over ACT_RU_TASK) is left out.
   */
  private record SqlStatements(JdbcTemplate jdbc) {

    record Counts(double writes, double reads) {
      double total() {
        return writes + reads;
      }

      @Override
      public String toString() {
        return String.format("%.1f writes + %.1f reads", writes, reads);
      }
    }

    void reset() {
      jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
      jdbc.execute("SET QUERY_STATISTICS FALSE");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
    }

    /** The busiest statements (-Dbenchmark.sqlDetail=true): where an instance's database work goes. */
    void printTop(int instances, int top) {
      jdbc.query("SELECT EXECUTION_COUNT, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
          + " ORDER BY EXECUTION_COUNT DESC LIMIT " + top, row -> {
            String statement = row.getString(2).replaceAll("\\s+", " ");
            System.out.printf("    %6.2f  %s%n", row.getLong(1) / (double) instances,
                statement.substring(0, Math.min(110, statement.length())));
          });
    }

    Counts countsPer(int instances) {
      long[] writes = {0};
      long[] reads = {0};
      jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", row -> {
        String statement = row.getString(1).strip().toLowerCase(java.util.Locale.ROOT);
        long count = row.getLong(2);
        if (statement.contains("query_statistics") || statement.startsWith("set ") || statement.startsWith("commit")
            || statement.startsWith("rollback")
            || (statement.contains("count(") && statement.contains("act_ru_task"))) {
          return;
        }
        if (statement.startsWith("select")) {
          reads[0] += count;
        } else {
          writes[0] += count;
        }
      });
      return new Counts((double) writes[0] / instances, (double) reads[0] / instances);
    }
  }

  private interface Step {
    void run(int i) throws Exception;
  }

  private static long run(int count, Step step) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          step.run(i);
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return start;
  }

  private static double rate(int count, long startNanos, Runnable await) {
    await.run();
    return count / ((System.nanoTime() - startNanos) / 1e9);
  }

  private static void openTicket(TicketIntake intake, int i) {
    intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Chyba při tisku " + i,
        "Dobrý den, ve verzi 5.3.2 nejde vytisknout fakturu, ostatní funguje.", null, null, null,
        "jan.novak@strojirny-horice.cz", null, null, false, null));
  }

  private static void awaitTasks(ProcessEngine engine, String taskKey, long expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).count() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + expected + " tasks " + taskKey);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(20); // polling the database, not timing the work
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
