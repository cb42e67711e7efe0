package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.ticket.TicketMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History cleanup and our own tables: a ticket closed longer ago than the model's historyTimeToLive (180 days)
 * loses its history through the engine's cleanup job and then its rows through {@link TicketRetention}; an open
 * ticket and a recently closed one keep everything.
 */
@SupportDeskTest
class TicketRetentionTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired TicketRetention retention;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTicketClosedLongerThanItsTimeToLiveLosesHistoryAndRowsWhileOpenAndRecentTicketsKeepThem() {
    ClockUtil.setCurrentTime(Date.from(START));
    String oldClosed = phoneCall(true);
    String open = phoneCall(false);
    mailWithAttachment(oldClosed);
    mailWithAttachment(open);
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(120))));
    String recentClosed = phoneCall(true);

    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(179))));
    retention.removeExpired();
    assertThat(rowsOf(oldClosed)).as("a day before its removal time the closed ticket keeps its rows").isEqualTo(3);

    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(181))));

    int openRows = rowsOf(open);
    int recentRows = rowsOf(recentClosed);
    assertThat(openRows).as("its messages, raw mail and attachment").isGreaterThanOrEqualTo(3);
    runHistoryCleanup(oldClosed);
    TicketRetention.Removed removed = retention.removeExpired();

    assertThat(historyOf(oldClosed)).isZero();
    assertThat(removed.tickets()).isGreaterThanOrEqualTo(1);
    assertThat(rowsOf(oldClosed)).as("messages, raw mail and attachment of the expired ticket").isZero();
    assertThat(historyOf(open)).isPositive();
    assertThat(rowsOf(open)).isEqualTo(openRows);
    assertThat(historyOf(recentClosed)).isPositive();
    assertThat(rowsOf(recentClosed)).isEqualTo(recentRows).isPositive();
    assertThat(retention.removeExpired().tickets()).as("a second pass finds nothing").isZero();
  }

  @Test
  void theWindowSpansMidnightAsTheEngineReadsIt() {
    ZoneId zone = ZoneId.systemDefault();
    Instant evening = START.atZone(zone).with(LocalTime.of(21, 0)).toInstant();
    Instant noon = START.atZone(zone).with(LocalTime.of(12, 0)).toInstant();
    Instant early = START.atZone(zone).with(LocalTime.of(5, 59)).toInstant();
    assertThat(retention.inWindow(evening)).isTrue();
    assertThat(retention.inWindow(early)).isTrue();
    assertThat(retention.inWindow(noon)).isFalse();
  }

  /** Runs the engine's history cleanup job, through the public API, until the ticket's history is gone. */
  private void runHistoryCleanup(String ticketNumber) {
    for (int round = 0; round < 20 && historyOf(ticketNumber) > 0; round++) {
      Job cleanup = history.cleanUpHistoryAsync(true);
      management.executeJob(cleanup.getId());
    }
  }

  /** A phone request through the model: answered in the call it ends at once, otherwise it waits for an agent. */
  private String phoneCall(boolean answeredInCall) {
    Map<String, Object> variables = new HashMap<>(Map.of("companyId", "28166345", "contactName", "Jan Novák",
        "programVersion", "5.3.2", "subject", "Jak exportovat kontakty",
        "description", "Volající se ptal, jak exportovat kontakty do Excelu.", "urgencyProposal", "COMMON_QUESTION",
        "answeredInCall", answeredInCall));
    ProcessInstance call = runtime.startProcessInstanceByKey("supportRequest", variables);
    EngineTestSupport.runAsyncSteps(management);
    String ticketNumber = history.createHistoricProcessInstanceQuery().processInstanceId(call.getId()).singleResult()
        .getBusinessKey();
    assertThat(ticketNumber).matches("TS-\\d{4}-\\d{6}");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(call.getId()).count())
        .isEqualTo(answeredInCall ? 0 : 1);
    return ticketNumber;
  }

  private void mailWithAttachment(String ticketNumber) {
    byte[] raw = ("Subject: [" + ticketNumber + "]\r\n\r\nPříloha").getBytes(StandardCharsets.UTF_8);
    jdbc.update("""
        INSERT INTO sd_mail_intake (mail_key, outcome, ticket_number, received_at, raw_message)
        VALUES (?, 'REPLY_ADDED', ?, ?, ?)""", "retention-" + ticketNumber, ticketNumber,
        TicketMessages.timestamp(START), raw);
    long intakeId = jdbc.queryForObject("SELECT id FROM sd_mail_intake WHERE mail_key = ?", Long.class,
        "retention-" + ticketNumber);
    jdbc.update("""
        INSERT INTO sd_mail_attachment (intake_id, ticket_number, file_name, content_type, original_size, truncated,
          content) VALUES (?, ?, 'log.txt', 'text/plain', 3, FALSE, ?)""", intakeId, ticketNumber, new byte[3]);
  }

  /** Rows of the ticket in sd_ticket_message, sd_mail_intake and sd_mail_attachment. */
  private int rowsOf(String ticketNumber) {
    return jdbc.queryForObject("""
        SELECT (SELECT COUNT(*) FROM sd_ticket_message WHERE ticket_number = ?)
             + (SELECT COUNT(*) FROM sd_mail_intake WHERE ticket_number = ?)
             + (SELECT COUNT(*) FROM sd_mail_attachment WHERE ticket_number = ?)""", Integer.class,
        ticketNumber, ticketNumber, ticketNumber);
  }

  private long historyOf(String ticketNumber) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).count();
  }
}
