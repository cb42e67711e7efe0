package cz.intouch.support.intake;

import cz.intouch.support.mail.DecodedMail.Attachment;
import cz.intouch.support.ticket.Texts;
import cz.intouch.support.ticket.TicketMessages;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The intake's tables (V4): the exactly-once ledger with the raw mails, attachments and the quarantine. */
@Repository
public class MailIntakeStore {

  /** An attachment of a customer's mail, without its bytes; {@code messageId} and {@code receivedAt} of its mail. */
  public record StoredAttachment(long id, String ticketNumber, String fileName, String contentType, long originalSize,
      boolean truncated, String messageId, Instant receivedAt) {}

  public record Quarantined(long id, long intakeId, String reason, String sender, String subject, String textPreview,
      String status, Instant receivedAt) {}

  private final JdbcTemplate jdbc;

  MailIntakeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean known(String mailKey) {
    return !jdbc.queryForList("SELECT id FROM sd_mail_intake WHERE mail_key = ?", Long.class, mailKey).isEmpty();
  }

  /**
   * Claims the mail for this transaction. A second node (or a re-poll after a crash) inserting the same key
   * waits for this transaction and then fails with DuplicateKeyException.
   */
  long claim(String mailKey, String messageId, String sender, String subject, Instant receivedAt, byte[] raw) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO sd_mail_intake (mail_key, outcome, message_id, sender, subject, received_at, raw_message)
          VALUES (?, 'CLAIMED', ?, ?, ?, ?, ?)""", new String[] {"id"});
      insert.setString(1, mailKey);
      insert.setString(2, Texts.truncate(messageId, 998));
      insert.setString(3, Texts.truncate(sender, 320));
      insert.setString(4, Texts.truncate(subject, 1000));
      insert.setObject(5, TicketMessages.timestamp(receivedAt));
      insert.setBytes(6, raw);
      return insert;
    }, key);
    return Objects.requireNonNull(key.getKey(), "generated id").longValue();
  }

  void complete(long intakeId, MailIntake.Outcome outcome, String ticketNumber, String note) {
    jdbc.update("UPDATE sd_mail_intake SET outcome = ?, ticket_number = ?, note = ? WHERE id = ?", outcome.name(),
        ticketNumber, Texts.truncate(note, 1000), intakeId);
  }

  void attach(long intakeId, String ticketNumber, Attachment attachment) {
    jdbc.update("""
        INSERT INTO sd_mail_attachment (intake_id, ticket_number, file_name, content_type, original_size, truncated,
          content) VALUES (?, ?, ?, ?, ?, ?, ?)""", intakeId, ticketNumber, Texts.truncate(attachment.fileName(), 1000),
        Texts.truncate(attachment.contentType(), 300), attachment.originalSize(), attachment.truncated(),
        attachment.content());
  }

  /** The ticket's attachments in the order they arrived. */
  public List<StoredAttachment> attachmentsOf(String ticketNumber) {
    return jdbc.query("""
        SELECT a.id, a.ticket_number, a.file_name, a.content_type, a.original_size, a.truncated, i.message_id,
          i.received_at
        FROM sd_mail_attachment a JOIN sd_mail_intake i ON i.id = a.intake_id
        WHERE a.ticket_number = ? ORDER BY i.received_at, a.id""", (row, n) -> new StoredAttachment(row.getLong("id"),
        row.getString("ticket_number"), row.getString("file_name"), row.getString("content_type"),
        row.getLong("original_size"), row.getBoolean("truncated"), row.getString("message_id"),
        row.getObject("received_at", OffsetDateTime.class).toInstant()), ticketNumber);
  }

  /** The stored bytes of one attachment, only when it belongs to the named ticket. */
  public Optional<byte[]> attachmentContent(String ticketNumber, long attachmentId) {
    return jdbc.queryForList("SELECT content FROM sd_mail_attachment WHERE id = ? AND ticket_number = ?",
        byte[].class, attachmentId, ticketNumber).stream().findFirst();
  }

  long quarantine(long intakeId, String reason, String sender, String subject, String textPreview, byte[] raw,
      Instant receivedAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO sd_mail_quarantine (intake_id, reason, sender, subject, text_preview, raw_message, status,
            received_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)""", new String[] {"id"});
      insert.setLong(1, intakeId);
      insert.setString(2, Texts.truncate(reason, 1000));
      insert.setString(3, Texts.truncate(sender, 320));
      insert.setString(4, Texts.truncate(subject, 1000));
      insert.setString(5, textPreview);
      insert.setBytes(6, raw);
      insert.setObject(7, TicketMessages.timestamp(receivedAt));
      return insert;
    }, key);
    return Objects.requireNonNull(key.getKey(), "generated id").longValue();
  }

  public Optional<Quarantined> quarantined(long id) {
    return jdbc.query("""
        SELECT id, intake_id, reason, sender, subject, text_preview, status, received_at
        FROM sd_mail_quarantine WHERE id = ?""", (row, n) -> new Quarantined(row.getLong("id"),
        row.getLong("intake_id"), row.getString("reason"), row.getString("sender"), row.getString("subject"),
        row.getString("text_preview"), row.getString("status"),
        row.getObject("received_at", OffsetDateTime.class).toInstant()), id).stream().findFirst();
  }

  /** Quarantined mails an agent has not yet opened as a ticket nor discarded. */
  long quarantineWaiting() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_mail_quarantine WHERE status = 'OPEN'", Long.class);
  }

  void resolveQuarantine(long id, String status, String ticketNumber) {
    jdbc.update("UPDATE sd_mail_quarantine SET status = ?, ticket_number = ? WHERE id = ?", status, ticketNumber, id);
    jdbc.update("""
        UPDATE sd_mail_intake SET ticket_number = ?
        WHERE id = (SELECT intake_id FROM sd_mail_quarantine WHERE id = ?)""", ticketNumber, id);
  }
}
