package cz.intouch.support.report;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.SupportDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a unit test (its name keeps it out of the default surefire run):
 * {@code mvn test -Dtest=SlaReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.tickets=3000}.
 *
 * <p>Generates tickets straight at "Zahájit řešení" over the last 14 weeks (the engine writes their history as for
 * real ones; identification, triage and mails are skipped, they add no rows the report reads), starts the resolution
 * of four in five (a quarter of those late), then times the report: the first call and the median of ten.
 */
@Tag("benchmark")
@SupportDeskTest
class SlaReportBenchmark {

  private static final String[] URGENCIES = {"COMMON_QUESTION", "SERIOUS", "LESS_SERIOUS"};

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired SlaReports reports;

  @Test
  void reportOverGeneratedTickets() {
    int count = Integer.getInteger("benchmark.tickets", 3000);
    Instant now = Instant.parse("2026-03-18T14:00:00Z");
    Duration span = Duration.ofDays(98);
    long generationStart = System.nanoTime();
    try {
      for (int i = 0; i < count; i++) {
        Instant received = now.minus(span).plusSeconds(span.toSeconds() * i / count);
        Instant deadline = received.plus(Duration.ofHours(i % 3 == 2 ? 168 : 30));
        ClockUtil.setCurrentTime(Date.from(received));
        Map<String, Object> variables = new HashMap<>();
        variables.put(TICKET_NUMBER, "TS-2026-%06d".formatted(i + 1));
        variables.put(COMPANY_NAME, "Firma " + (i % 50));
        variables.put(URGENCY, URGENCIES[i % 3]);
        variables.put(RECEIVED_AT, Date.from(received));
        variables.put(SLA_DEADLINE, Date.from(deadline));
        variables.put(SLA_WARNING_AT, Date.from(deadline.minus(Duration.ofHours(2))));
        String instance = runtime.createProcessInstanceByKey(SUPPORT_REQUEST)
            .businessKey("TS-2026-%06d".formatted(i + 1)).setVariables(variables)
            .startBeforeActivity(INITIATE_RESOLUTION_TASK).execute().getId();
        if (i % 5 != 0) {
          Instant started = i % 4 == 0 ? deadline.plus(Duration.ofHours(3)) : received.plus(Duration.ofHours(i % 20));
          if (started.isBefore(now)) {
            ClockUtil.setCurrentTime(Date.from(started));
            List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list();
            tasks.complete(open.get(0).getId());
          }
        }
      }
      double generation = (System.nanoTime() - generationStart) / 1e9;
      ClockUtil.setCurrentTime(Date.from(now));
      long first = System.nanoTime();
      SlaReport report = reports.report();
      long firstMillis = (System.nanoTime() - first) / 1_000_000;
      long[] runs = new long[10];
      for (int run = 0; run < runs.length; run++) {
        long start = System.nanoTime();
        reports.report();
        runs[run] = (System.nanoTime() - start) / 1_000_000;
      }
      java.util.Arrays.sort(runs);
      System.out.printf("%nSLA report over %d generated tickets (generated in %.0f s): first call %d ms, median of"
              + " %d calls %d ms, slowest %d ms; open %d, breached %d, 12-week compliance %s %% (%d decided)%n%n",
          count, generation, firstMillis, runs.length, runs[runs.length / 2], runs[runs.length - 1],
          report.open().total(), report.breached().size(), report.compliance().total().percent(),
          report.compliance().total().decided());
    } finally {
      ClockUtil.reset();
    }
  }
}
