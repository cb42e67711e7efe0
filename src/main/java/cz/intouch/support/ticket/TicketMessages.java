package cz.intouch.support.ticket;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * The messages of each ticket, in both directions. This table, not the process, holds long texts:
 * Camunda string variables stop at 4000 characters, a customer's mail may be a megabyte.
 * Outgoing rows are written by {@code mail.OutboundMail}, which owns their PENDING/SENT life cycle.
 */
@Service
public class TicketMessages {

  public static final String IN = "IN";
  public static final String OUT = "OUT";
  public static final String RECEIVED = "RECEIVED";

  /** Kinds of incoming messages; an outgoing message's kind is the name of the mail it is ({@code MessageKind}). */
  public static final String REQUEST = "REQUEST";
  public static final String REPLY = "REPLY";
  public static final String AUTO_REPLY = "AUTO_REPLY";
  public static final String BOUNCE = "BOUNCE";

  private static final String COLUMNS =
      "id, ticket_number, direction, kind, channel, sender, recipient, subject, body, message_id, occurred_at";

  private static final RowMapper<TicketMessage> ROW = TicketMessages::map;

  private final JdbcTemplate jdbc;

  public TicketMessages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a customer's message. Idempotent on the Message-ID: a mail polled twice (e.g. after a crash
   * before the IMAP flag was set) returns the id of the row stored the first time.
   *
   * @param kind {@link #REQUEST} (opens a ticket), {@link #REPLY}, {@link #AUTO_REPLY} or {@link #BOUNCE}
   * @param messageId the mail's Message-ID, with or without angle brackets; null for phone and web
   */
  public long recordIncoming(String ticketNumber, String kind, String channel, String sender, String subject,
      String body, Instant receivedAt, String messageId) {
    Objects.requireNonNull(ticketNumber, "ticketNumber");
    Objects.requireNonNull(receivedAt, "receivedAt");
    String normalizedId = normalizeMessageId(messageId);
    if (normalizedId != null) {
      Optional<Long> known = idOfMessageId(normalizedId);
      if (known.isPresent()) {
        return known.get();
      }
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO sd_ticket_message (ticket_number, direction, kind, channel, sender, subject, body,
            message_id, status, occurred_at)
          VALUES (?, 'IN', ?, ?, ?, ?, ?, ?, 'RECEIVED', ?)""", new String[] {"id"});
      insert.setString(1, ticketNumber);
      insert.setString(2, kind);
      insert.setString(3, channel);
      insert.setString(4, sender);
      insert.setString(5, subject);
      insert.setString(6, body);
      insert.setString(7, normalizedId);
      insert.setObject(8, timestamp(receivedAt));
      return insert;
    }, key);
    return Objects.requireNonNull(key.getKey(), "generated id").longValue();
  }

  /** All messages of a ticket, oldest first. */
  public List<TicketMessage> of(String ticketNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM sd_ticket_message WHERE ticket_number = ? ORDER BY occurred_at, id",
        ROW, ticketNumber);
  }

  /**
   * What the customer wrote on a ticket, oldest first: the request and the replies, not bounces or auto-replies,
   * which identification and triage must not read as the customer's words.
   */
  public List<TicketMessage> fromCustomer(String ticketNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM sd_ticket_message WHERE ticket_number = ? AND direction = 'IN'"
        + " AND kind IN ('" + REQUEST + "', '" + REPLY + "') ORDER BY occurred_at, id", ROW, ticketNumber);
  }

  public Optional<TicketMessage> byId(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM sd_ticket_message WHERE id = ?", ROW, id).stream().findFirst();
  }

  /** The ticket a message belongs to, for threading a reply by its In-Reply-To or References. */
  public Optional<String> ticketOfMessageId(String messageId) {
    String normalized = normalizeMessageId(messageId);
    if (normalized == null) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT ticket_number FROM sd_ticket_message WHERE message_id = ?", String.class,
        normalized).stream().findFirst();
  }

  /** Message-ID of the customer's latest message in the ticket: what our next mail replies to. */
  public Optional<String> lastIncomingMessageId(String ticketNumber) {
    return jdbc.queryForList("""
        SELECT message_id FROM sd_ticket_message
        WHERE ticket_number = ? AND direction = 'IN' AND message_id IS NOT NULL
        ORDER BY occurred_at DESC, id DESC
        FETCH FIRST 1 ROWS ONLY""", String.class, ticketNumber).stream().findFirst();
  }

  /** Message-IDs are stored as they appear in headers: trimmed, in angle brackets. */
  public static String normalizeMessageId(String messageId) {
    if (messageId == null || messageId.isBlank()) {
      return null;
    }
    String trimmed = messageId.trim();
    return trimmed.startsWith("<") ? trimmed : "<" + trimmed + ">";
  }

  public static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private Optional<Long> idOfMessageId(String normalizedId) {
    return jdbc.queryForList("SELECT id FROM sd_ticket_message WHERE message_id = ?", Long.class, normalizedId)
        .stream().findFirst();
  }

  private static TicketMessage map(ResultSet row, int rowNumber) throws SQLException {
    return new TicketMessage(
        row.getLong("id"),
        row.getString("ticket_number"),
        row.getString("direction"),
        row.getString("kind"),
        row.getString("channel"),
        row.getString("sender"),
        row.getString("recipient"),
        row.getString("subject"),
        row.getString("body"),
        row.getString("message_id"),
        row.getObject("occurred_at", OffsetDateTime.class).toInstant());
  }
}
