package cz.intouch.support.sla;

import cz.intouch.support.ticket.TicketMessages;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of sd_staff_notice: SLA notices waiting for their recipient's digest. Written in the SLA step's own
 * transaction (a rolled-back step leaves none); claimed, read and marked sent by {@link SlaDigest}, each of those
 * one auto-committed statement, so the claim is what keeps two senders apart.
 */
@Component
class StaffNotices {

  enum Kind { SLA_WARNING, SLA_BREACHED }

  /** What one notice says about its ticket; {@code slaDeadline} and {@code taskUrl} may be null. */
  record Notice(Kind kind, String ticketNumber, String companyName, String urgency, Instant slaDeadline,
      String taskUrl) {}

  private final JdbcTemplate jdbc;

  StaffNotices(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the notice for each recipient, in the caller's transaction. */
  void note(Notice notice, Collection<String> recipients, Instant at) {
    if (recipients.isEmpty()) {
      return;
    }
    // one round trip for all recipients: in the 16:00 storm every breach notes the same handful of staff
    List<Object[]> rows = recipients.stream().map(recipient -> new Object[] {recipient, notice.ticketNumber(),
        notice.kind().name(), notice.companyName(), notice.urgency(),
        notice.slaDeadline() == null ? null : TicketMessages.timestamp(notice.slaDeadline()), notice.taskUrl(),
        TicketMessages.timestamp(at)}).toList();
    jdbc.batchUpdate("""
        INSERT INTO sd_staff_notice (recipient, ticket_number, kind, company_name, urgency, sla_deadline, task_url,
          noted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
  }

  /** Recipients with notices neither sent nor held by a live claim (one made after {@code staleBefore}). */
  List<String> recipientsDue(Instant staleBefore) {
    return jdbc.queryForList("""
        SELECT DISTINCT recipient FROM sd_staff_notice
        WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY recipient""",
        String.class, TicketMessages.timestamp(staleBefore));
  }

  /**
   * Claims up to {@code limit} of the recipient's unclaimed (or stale) notices for the token; returns how many.
   * The conditions stand in the outer WHERE too, so a sender whose UPDATE waited for another's row locks re-checks
   * them against the committed claim and takes nothing twice.
   */
  int claim(String recipient, String token, Instant at, Instant staleBefore, int limit) {
    OffsetDateTime stale = TicketMessages.timestamp(staleBefore);
    return jdbc.update("""
        UPDATE sd_staff_notice SET claim_token = ?, claimed_at = ?
        WHERE id IN (SELECT id FROM sd_staff_notice WHERE recipient = ? AND sent_at IS NULL
                     AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY id LIMIT ?)
          AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?)""",
        token, TicketMessages.timestamp(at), recipient, stale, limit, stale);
  }

  /** The notices a claim holds: breaches first, then by deadline and ticket. */
  List<Notice> claimed(String token) {
    return jdbc.query("""
        SELECT kind, ticket_number, company_name, urgency, sla_deadline, task_url FROM sd_staff_notice
        WHERE claim_token = ? AND sent_at IS NULL ORDER BY kind, sla_deadline, ticket_number""",
        (row, n) -> {
          OffsetDateTime deadline = row.getObject("sla_deadline", OffsetDateTime.class);
          return new Notice(Kind.valueOf(row.getString("kind")), row.getString("ticket_number"),
              row.getString("company_name"), row.getString("urgency"),
              deadline == null ? null : deadline.toInstant(), row.getString("task_url"));
        }, token);
  }

  void markSent(String token, Instant at) {
    jdbc.update("UPDATE sd_staff_notice SET sent_at = ? WHERE claim_token = ? AND sent_at IS NULL",
        TicketMessages.timestamp(at), token);
  }

  /** Gives a claim up after a failed send, so the next run takes it at once. */
  void release(String token) {
    jdbc.update("UPDATE sd_staff_notice SET claim_token = NULL, claimed_at = NULL "
        + "WHERE claim_token = ? AND sent_at IS NULL", token);
  }
}
