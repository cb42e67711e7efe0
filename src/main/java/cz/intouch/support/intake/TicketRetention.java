package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.MAIL_QUARANTINE;
import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our own tables follow the engine's history: when the history cleanup has removed a ticket's process instance (or
 * its removal time has passed), the ticket's messages, raw mails, attachments and quarantine entries go too.
 * Models say how long ({@code camunda:historyTimeToLive}); this class never keeps its own retention period.
 *
 * <p>Runs in the history cleanup's batch window (the same Camunda properties, handed on as
 * {@code support.retention.window-start/-end} and read in the JVM's zone as the engine does), once per
 * {@code support.retention.check-interval}, in batches of {@code support.retention.batch-size}
 * tickets, each batch its own transaction so a large backlog never holds long locks. Deleting is idempotent: nodes
 * of a cluster may run it at the same time.
 */
@Component
public class TicketRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TicketRetention.class);

  /** What one run removed. */
  public record Removed(int tickets, int quarantined, int ignoredMails) {}

  private final HistoryService history;
  private final RepositoryService repository;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final boolean enabled;
  private final LocalTime windowStart;
  private final LocalTime windowEnd;
  private final Duration checkInterval;
  private final int batchSize;
  private final Object runLock = new Object();
  private ScheduledExecutorService schedule;

  TicketRetention(HistoryService history, RepositoryService repository, JdbcTemplate jdbc,
      PlatformTransactionManager transactions, RetentionSettings settings) {
    this.history = history;
    this.repository = repository;
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    this.transaction = new TransactionTemplate(transactions);
    this.enabled = settings.enabled();
    this.windowStart = settings.windowStart();
    this.windowEnd = settings.windowEnd();
    this.checkInterval = settings.checkInterval();
    this.batchSize = settings.batchSize();
  }

  /** One complete pass over everything past retention; the schedule calls it inside the window, tests directly. */
  public Removed removeExpired() {
    synchronized (runLock) {
      return removeExpiredNow();
    }
  }

  private Removed removeExpiredNow() {
    Instant now = DeskTime.now();
    int tickets = removeTickets(now);
    int quarantined = removeQuarantine(now);
    int ignored = removeIgnoredMails(now);
    Removed removed = new Removed(tickets, quarantined, ignored);
    if (tickets + quarantined + ignored > 0) {
      log.info("Retention removed the rows of {} tickets, {} quarantined and {} ignored mails whose history is gone",
          tickets, quarantined, ignored);
    }
    return removed;
  }

  /** Tickets whose rows are older than the model's time to live and whose history is gone or due for removal. */
  private int removeTickets(Instant now) {
    Integer days = timeToLiveDays(SUPPORT_REQUEST);
    if (days == null) {
      return 0; // no time to live: history is kept for ever, and so are our rows
    }
    // rows younger than the time to live cannot belong to removed history: a cheap first filter that also keeps
    // a ticket being opened right now (rows written, its instance not yet visible) out of reach
    MapSqlParameterSource query = new MapSqlParameterSource("cutoff", TicketMessages.timestamp(
        now.minus(Duration.ofDays(days)))).addValue("limit", batchSize);
    String after = "";
    int removed = 0;
    while (true) {
      List<String> candidates = jdbc.queryForList("""
          SELECT ticket_number FROM (
            SELECT ticket_number, occurred_at AS seen_at FROM sd_ticket_message
            UNION ALL SELECT ticket_number, received_at FROM sd_mail_intake WHERE ticket_number IS NOT NULL
          ) t WHERE ticket_number > :after GROUP BY ticket_number HAVING MIN(seen_at) < :cutoff
          ORDER BY ticket_number LIMIT :limit""", query.addValue("after", after), String.class);
      if (candidates.isEmpty()) {
        return removed;
      }
      Set<String> expired = expired(candidates, now);
      if (!expired.isEmpty()) {
        removed += transaction.execute(status -> deleteTickets(expired));
      }
      after = candidates.get(candidates.size() - 1);
    }
  }

  /** Of these business keys, those without history or whose every instance is past its removal time. */
  private Set<String> expired(List<String> businessKeys, Instant now) {
    Map<String, List<HistoricProcessInstance>> kept = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new)).list().stream()
        .collect(Collectors.groupingBy(HistoricProcessInstance::getBusinessKey));
    Date nowDate = Date.from(now);
    return businessKeys.stream()
        .filter(key -> kept.getOrDefault(key, List.of()).stream()
            .allMatch(instance -> instance.getRemovalTime() != null && !instance.getRemovalTime().after(nowDate)))
        .collect(Collectors.toSet());
  }

  private int deleteTickets(Set<String> tickets) {
    MapSqlParameterSource of = new MapSqlParameterSource("tickets", tickets);
    String intakes = "SELECT id FROM sd_mail_intake WHERE ticket_number IN (:tickets)";
    // children before the intake rows they reference
    jdbc.update("DELETE FROM sd_mail_attachment WHERE ticket_number IN (:tickets) OR intake_id IN (" + intakes + ")",
        of);
    jdbc.update("DELETE FROM sd_mail_quarantine WHERE ticket_number IN (:tickets) OR intake_id IN (" + intakes + ")",
        of);
    jdbc.update("DELETE FROM sd_mail_intake WHERE ticket_number IN (:tickets)", of);
    jdbc.update("DELETE FROM sd_ticket_message WHERE ticket_number IN (:tickets)", of);
    jdbc.update("DELETE FROM sd_release_ticket WHERE ticket_number IN (:tickets)", of);
    jdbc.update("DELETE FROM sd_sla_ticket WHERE ticket_number IN (:tickets)", of);
    return tickets.size();
  }

  /** Quarantined mails an agent decided on (discarded; opened ones follow their ticket) once their history is gone. */
  private int removeQuarantine(Instant now) {
    Integer days = timeToLiveDays(MAIL_QUARANTINE);
    if (days == null) {
      return 0;
    }
    MapSqlParameterSource query = new MapSqlParameterSource("cutoff", TicketMessages.timestamp(
        now.minus(Duration.ofDays(days)))).addValue("limit", batchSize);
    long after = 0;
    int removed = 0;
    while (true) {
      List<Long> candidates = jdbc.queryForList("""
          SELECT id FROM sd_mail_quarantine WHERE status <> 'OPEN' AND ticket_number IS NULL AND received_at < :cutoff
          AND id > :after ORDER BY id LIMIT :limit""", query.addValue("after", after), Long.class);
      if (candidates.isEmpty()) {
        return removed;
      }
      Set<Long> expired = expired(candidates.stream().map(id -> MailIntake.QUARANTINE_KEY_PREFIX + id).toList(), now)
          .stream().map(key -> Long.valueOf(key.substring(MailIntake.QUARANTINE_KEY_PREFIX.length())))
          .collect(Collectors.toSet());
      if (!expired.isEmpty()) {
        removed += transaction.execute(status -> {
          MapSqlParameterSource of = new MapSqlParameterSource("ids", expired);
          List<Long> intakes = jdbc.queryForList("SELECT intake_id FROM sd_mail_quarantine WHERE id IN (:ids)", of,
              Long.class);
          int count = jdbc.update("DELETE FROM sd_mail_quarantine WHERE id IN (:ids)", of);
          jdbc.update("DELETE FROM sd_mail_attachment WHERE intake_id IN (:intakes)", Map.of("intakes", intakes));
          jdbc.update("DELETE FROM sd_mail_intake WHERE id IN (:intakes) AND ticket_number IS NULL",
              Map.of("intakes", intakes));
          return count;
        });
      }
      after = candidates.get(candidates.size() - 1);
    }
  }

  /**
   * Mails that never had a process (auto-replies, bounces of unknown mails, spam outside the quarantine): kept for
   * audit as long as a ticket's history would be.
   */
  private int removeIgnoredMails(Instant now) {
    Integer days = timeToLiveDays(SUPPORT_REQUEST);
    if (days == null) {
      return 0;
    }
    MapSqlParameterSource query = new MapSqlParameterSource("cutoff", TicketMessages.timestamp(
        now.minus(Duration.ofDays(days)))).addValue("limit", batchSize);
    int removed = 0;
    while (true) {
      int count = transaction.execute(status -> jdbc.update("""
          DELETE FROM sd_mail_intake WHERE id IN (
            SELECT i.id FROM sd_mail_intake i WHERE i.ticket_number IS NULL AND i.received_at < :cutoff
            AND NOT EXISTS (SELECT 1 FROM sd_mail_quarantine q WHERE q.intake_id = i.id)
            AND NOT EXISTS (SELECT 1 FROM sd_mail_attachment a WHERE a.intake_id = i.id)
            ORDER BY i.id LIMIT :limit)""", query));
      removed += count;
      if (count < batchSize) {
        return removed;
      }
    }
  }

  /** The history time to live of the latest deployed version of a process, in days; null when none is set. */
  private Integer timeToLiveDays(String processKey) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    return latest == null ? null : latest.getHistoryTimeToLive();
  }

  /** Whether the engine's clock stands in the cleanup window (which may span midnight). */
  boolean inWindow(Instant instant) {
    // the engine reads its batch window in the JVM's zone; ours must be the same window
    LocalTime time = instant.atZone(ZoneId.systemDefault()).toLocalTime();
    return windowStart.isBefore(windowEnd)
        ? !time.isBefore(windowStart) && time.isBefore(windowEnd)
        : !time.isBefore(windowStart) || time.isBefore(windowEnd);
  }

  private void runInWindow() {
    try {
      if (inWindow(DeskTime.now())) {
        removeExpired();
      }
    } catch (RuntimeException e) {
      // the database may be away: the next look tries again
      log.warn("Retention of ticket rows failed, trying again in {}: {}", checkInterval, e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (!enabled) {
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "ticket-retention");
      thread.setDaemon(true);
      return thread;
    });
    schedule.scheduleWithFixedDelay(this::runInWindow, checkInterval.toMillis(), checkInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
      schedule = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return schedule != null;
  }
}
