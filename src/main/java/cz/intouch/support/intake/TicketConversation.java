package cz.intouch.support.intake;

import cz.intouch.support.intake.MailIntakeStore.StoredAttachment;
import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A ticket's whole exchange for the agents, oldest first: every message marked by who wrote it, the attachments of
 * the customer's mails beside the message they came with.
 */
@Service
public class TicketConversation {

  /** Who wrote a message, with the Czech label the agents see. */
  public enum Author {
    CUSTOMER("Zákazník"),
    AGENT("Pracovník podpory"),
    /** The desk's own mails (acknowledgements, reminders, notices) and machine mails (auto-replies, bounces). */
    AUTOMATIC("Automatická zpráva");

    private final String label;

    Author(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record Entry(TicketMessage message, Author author, List<StoredAttachment> attachments) {}

  /** The messages in order, and attachments no message could be matched with (e.g. a mail without Message-ID). */
  public record Conversation(String ticketNumber, List<Entry> entries, List<StoredAttachment> otherAttachments) {}

  private final TicketMessages messages;
  private final MailIntakeStore store;

  TicketConversation(TicketMessages messages, MailIntakeStore store) {
    this.messages = messages;
    this.store = store;
  }

  public Conversation of(String ticketNumber) {
    List<StoredAttachment> unmatched = new ArrayList<>(store.attachmentsOf(ticketNumber));
    List<Entry> entries = new ArrayList<>();
    for (TicketMessage message : messages.of(ticketNumber)) {
      List<StoredAttachment> own = unmatched.stream().filter(attachment -> cameWith(attachment, message)).toList();
      unmatched.removeAll(own);
      entries.add(new Entry(message, authorOf(message), own));
    }
    return new Conversation(ticketNumber, entries, List.copyOf(unmatched));
  }

  public Optional<StoredAttachment> attachment(String ticketNumber, long attachmentId) {
    return store.attachmentsOf(ticketNumber).stream().filter(attachment -> attachment.id() == attachmentId)
        .findFirst();
  }

  public Optional<byte[]> content(String ticketNumber, long attachmentId) {
    return store.attachmentContent(ticketNumber, attachmentId);
  }

  /** Incoming requests and replies are the customer's; outgoing mails an agent's when a person wrote the text. */
  static Author authorOf(TicketMessage message) {
    if (TicketMessages.IN.equals(message.direction())) {
      return TicketMessages.REQUEST.equals(message.kind()) || TicketMessages.REPLY.equals(message.kind())
          ? Author.CUSTOMER : Author.AUTOMATIC;
    }
    return Arrays.stream(MessageKind.values()).filter(kind -> kind.name().equals(message.kind())).findFirst()
        .filter(kind -> kind.author() == MessageKind.Author.PERSON).map(kind -> Author.AGENT)
        .orElse(Author.AUTOMATIC);
  }

  /** By the mail's Message-ID, or for a mail without one, by its receipt time. */
  private static boolean cameWith(StoredAttachment attachment, TicketMessage message) {
    if (!TicketMessages.IN.equals(message.direction())) {
      return false;
    }
    String attachmentMail = TicketMessages.normalizeMessageId(attachment.messageId());
    if (attachmentMail != null && message.messageId() != null) {
      return attachmentMail.equals(message.messageId());
    }
    return attachmentMail == null && message.messageId() == null
        && Objects.equals(attachment.receivedAt(), message.occurredAt());
  }
}
