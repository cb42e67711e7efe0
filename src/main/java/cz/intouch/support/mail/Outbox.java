package cz.intouch.support.mail;

import cz.intouch.support.ticket.TicketMessages;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The outgoing rows of sd_ticket_message and their PENDING → SENT life cycle; used by {@link OutboundMail} only. */
@Component
class Outbox {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String SUPPRESSED = "SUPPRESSED";

  record Outgoing(long id, String ticketNumber, String kind, String sender, String recipient, String subject,
      String body, String messageId, String inReplyTo, String status) {}

  private final JdbcTemplate jdbc;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Outgoing> byDedupKey(String dedupKey) {
    return jdbc.query("""
        SELECT id, ticket_number, kind, sender, recipient, subject, body, message_id, in_reply_to, status
        FROM sd_ticket_message WHERE dedup_key = ?""",
        (row, n) -> new Outgoing(row.getLong("id"), row.getString("ticket_number"), row.getString("kind"),
            row.getString("sender"), row.getString("recipient"), row.getString("subject"), row.getString("body"),
            row.getString("message_id"), row.getString("in_reply_to"), row.getString("status")),
        dedupKey).stream().findFirst();
  }

  /** Stores a message about to be sent (or suppressed); fails with DuplicateKeyException on a known dedupKey. */
  Outgoing insert(Outgoing mail, String dedupKey, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO sd_ticket_message (ticket_number, direction, kind, channel, sender, recipient, subject, body,
            message_id, in_reply_to, dedup_key, status, occurred_at)
          VALUES (?, 'OUT', ?, 'EMAIL', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      insert.setString(1, mail.ticketNumber());
      insert.setString(2, mail.kind());
      insert.setString(3, mail.sender());
      insert.setString(4, mail.recipient());
      insert.setString(5, mail.subject());
      insert.setString(6, mail.body());
      insert.setString(7, mail.messageId());
      insert.setString(8, mail.inReplyTo());
      insert.setString(9, dedupKey);
      insert.setString(10, mail.status());
      insert.setObject(11, TicketMessages.timestamp(at));
      return insert;
    }, key);
    long id = Objects.requireNonNull(key.getKey(), "generated id").longValue();
    return new Outgoing(id, mail.ticketNumber(), mail.kind(), mail.sender(), mail.recipient(), mail.subject(),
        mail.body(), mail.messageId(), mail.inReplyTo(), mail.status());
  }

  void markSent(long id, Instant at) {
    jdbc.update("UPDATE sd_ticket_message SET status = 'SENT', occurred_at = ? WHERE id = ?",
        TicketMessages.timestamp(at), id);
  }

  /** Outgoing mails not yet accepted by the SMTP server: the outbox backlog (index of V14). */
  long pending() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket_message WHERE status = 'PENDING' AND direction = 'OUT'",
        Long.class);
  }

  /**
   * Whether at least {@code limit} messages of the given kinds were sent, or are being sent, to the recipient since
   * the moment. Counts no further than the limit: a busy address costs the same as a quiet one.
   */
  boolean atLeast(int limit, String recipient, Collection<String> kinds, Instant since) {
    if (kinds.isEmpty()) {
      return limit <= 0;
    }
    String placeholders = String.join(", ", Collections.nCopies(kinds.size(), "?"));
    Object[] arguments = new Object[kinds.size() + 3];
    arguments[0] = recipient;
    arguments[1] = TicketMessages.timestamp(since);
    System.arraycopy(kinds.toArray(), 0, arguments, 2, kinds.size());
    arguments[arguments.length - 1] = limit;
    return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM sd_ticket_message WHERE direction = 'OUT'"
        + " AND recipient = ? AND occurred_at > ? AND status IN ('PENDING', 'SENT') AND kind IN (" + placeholders
        + ") LIMIT ?) capped", Integer.class, arguments) >= limit;
  }

  static Instant dayBefore(Instant at) {
    return at.minus(Duration.ofHours(24));
  }
}
