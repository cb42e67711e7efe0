package cz.intouch.support.report;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketMessages;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closes the rows of sd_sla_ticket whose process instance is gone without its end listener: deleted in Cockpit or
 * through the API with "skip custom listeners", which skips the task events too. Without this such a ticket would
 * count as open for ever. Runs at start and every {@code support.report.repair-interval} (15 minutes); one UPDATE
 * over the open rows, idempotent, so nodes of a cluster may run it at the same time.
 */
@Component
public class SlaTicketRepair implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SlaTicketRepair.class);

  private final JdbcTemplate jdbc;
  private final Duration interval;
  private ScheduledExecutorService schedule;

  public SlaTicketRepair(JdbcTemplate jdbc, @Value("${support.report.repair-interval:PT15M}") Duration interval) {
    this.jdbc = jdbc;
    this.interval = interval;
  }

  /** @return how many rows were closed */
  public int closeEnded() {
    // the instance's end from the history, or now when the history went with it
    int closed = jdbc.update("UPDATE sd_sla_ticket SET closed_at = COALESCE((SELECT p.END_TIME_ FROM ACT_HI_PROCINST p"
        + " WHERE p.ID_ = sd_sla_ticket.process_instance_id), ?), waiting = FALSE, for_agents = FALSE,"
        + " for_specialists = FALSE WHERE closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e"
        + " WHERE e.ID_ = sd_sla_ticket.process_instance_id)", TicketMessages.timestamp(DeskTime.now()));
    if (closed > 0) {
      log.info("SLA report: {} tickets ended without their end listener, closed in sd_sla_ticket", closed);
    }
    return closed;
  }

  @Override
  public void start() {
    schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sla-ticket-repair");
      thread.setDaemon(true);
      return thread;
    });
    schedule.scheduleWithFixedDelay(() -> {
      try {
        closeEnded();
      } catch (RuntimeException e) {
        log.warn("SLA report: repairing sd_sla_ticket failed, next try in {}", interval, e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
      schedule = null;
    }
  }

  @Override
  public boolean isRunning() {
    return schedule != null;
  }
}
