package cz.intouch.support.mail;

import cz.intouch.support.mail.MailTemplates.RenderedMail;
import cz.intouch.support.mail.Outbox.Outgoing;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.ticket.TicketNumber;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way the desk writes to customers and staff: renders the Czech template, records the message in the
 * ticket's store and sends it.
 *
 * <p>Exactly once under retries and crashes: the row is committed as PENDING in its own transaction before
 * sending and marked SENT in another one after the server accepted the mail, so a retried step (same dedupKey)
 * finds SENT and stops there. A crash between the server's acceptance and the SENT update leaves PENDING; SMTP
 * cannot tell the retry that the server already has the mail, so every ticket mail goes with a blind copy to the
 * support mailbox in the same transaction, and the retry first looks for that copy ({@link OwnCopies}): found, the
 * row becomes SENT without a second send; not found (or the mailbox cannot be read), the same text goes again
 * with the same Message-ID. Both rows are made durable ({@link CommitDurability}) before the process moves on, so
 * a crash loses neither.
 */
@Service
public class OutboundMail {

  public static final String DISPLAY_NAME = "Technická podpora InTouch CRM";
  /** Our own loop marker: intake ignores mail carrying it, whatever the other side's headers say. */
  public static final String LOOP_HEADER = "X-InTouch-Support-Loop";
  /** Model flag: the customer did not write in Czech, so the first answer says we only speak Czech. */
  public static final String NOT_CZECH = "notCzech";
  public static final String ENGLISH_NOTE = "Please note that technical support is provided in the Czech language only.";

  private static final Logger log = LoggerFactory.getLogger(OutboundMail.class);

  /** Mails about the customer's extranet account rather than a ticket: see {@link #sendAccountMail}. */
  private static final Set<MessageKind> ACCOUNT_MAILS =
      Set.of(MessageKind.EXTRANET_SET_PASSWORD, MessageKind.EXTRANET_PASSWORD_RESET);

  private static final Set<MessageKind> FIRST_ANSWERS =
      Set.of(MessageKind.ACKNOWLEDGEMENT, MessageKind.MISSING_IDENTIFICATION);

  /** Automatic customer mails: what a mail loop would multiply, hence what the daily cap counts. */
  private static final List<String> CAPPED_KINDS = Arrays.stream(MessageKind.values())
      .filter(OutboundMail::capped).map(Enum::name).toList();

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  private final JavaMailSender mailSender;
  private final MailTemplates templates;
  private final TicketMessages messages;
  private final Outbox outbox;
  private final TransactionTemplate ownTransaction;
  private final InternetAddress from;
  private final String messageIdDomain;
  private final int autoReplyLimitPerDay;
  private final CommitDurability durability;
  private final MailMetrics metrics;
  private final ObjectProvider<OwnCopies> ownCopies;

  OutboundMail(JavaMailSender mailSender, MailTemplates templates, TicketMessages messages, Outbox outbox,
      PlatformTransactionManager transactions, MailSettings settings, CommitDurability durability,
      MailMetrics metrics, ObjectProvider<OwnCopies> ownCopies) {
    this.mailSender = mailSender;
    this.ownCopies = ownCopies;
    this.durability = durability;
    this.metrics = metrics;
    this.templates = templates;
    this.messages = messages;
    this.outbox = outbox;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    try {
      this.from = new InternetAddress(settings.supportAddress(), DISPLAY_NAME, "UTF-8");
    } catch (UnsupportedEncodingException impossible) {
      throw new IllegalStateException(impossible);
    }
    this.messageIdDomain = settings.supportAddress().substring(settings.supportAddress().indexOf('@') + 1);
    this.autoReplyLimitPerDay = settings.autoReplyLimitPerDay();
  }

  /**
   * Sends a mail of the given kind about a ticket, at most once per dedupKey.
   *
   * @param model values for the template's placeholders (see {@link MessageKind#placeholders()}), plus the
   *     optional flag {@link #NOT_CZECH}; {@code ticketNumber} is added here
   * @param dedupKey unique per intended mail, e.g. activity instance id + kind; null sends unconditionally
   * @return the Message-ID (with angle brackets) of the mail, also when it had been sent or suppressed before
   * @throws MailException when the SMTP server cannot be reached or refuses: the row stays PENDING and a call
   *     with the same dedupKey sends it
   */
  public String send(MessageKind kind, String ticketNumber, String recipient, Map<String, ?> model,
      String dedupKey) {
    Objects.requireNonNull(kind, "kind");
    if (!TicketNumber.isValid(ticketNumber)) {
      throw new IllegalArgumentException("Not a ticket number: " + ticketNumber);
    }
    InternetAddress to = address(recipient);
    if (dedupKey != null) {
      Optional<Outgoing> earlier = outbox.byDedupKey(dedupKey);
      if (earlier.isPresent()) {
        return resume(earlier.get());
      }
    }

    Map<String, Object> values = new HashMap<>(model == null ? Map.of() : model);
    values.put(MessageKind.TICKET_NUMBER, ticketNumber);
    RenderedMail rendered = templates.render(kind, values);
    String body = rendered.body();
    if (FIRST_ANSWERS.contains(kind) && Boolean.TRUE.equals(values.get(NOT_CZECH))) {
      body = ENGLISH_NOTE + "\n\n" + body;
    }
    Instant now = DeskTime.now();
    String recipientKey = to.getAddress().toLowerCase(Locale.ROOT);
    boolean suppressed = capped(kind)
        && outbox.atLeast(autoReplyLimitPerDay, recipientKey, CAPPED_KINDS, Outbox.dayBefore(now));
    Outgoing draft = new Outgoing(0, ticketNumber, kind.name(), from.getAddress(), recipientKey,
        subjectWithTicketNumber(rendered.subject(), ticketNumber), body, newMessageId(ticketNumber),
        messages.lastIncomingMessageId(ticketNumber).orElse(null),
        suppressed ? Outbox.SUPPRESSED : Outbox.PENDING);

    Outgoing stored;
    try {
      stored = ownTransaction.execute(status -> outbox.insert(draft, dedupKey, now));
    } catch (DuplicateKeyException sameKeyMeanwhile) {
      // a concurrent attempt with the same dedupKey owns the mail now; it sends or retries it
      return outbox.byDedupKey(dedupKey).map(Outgoing::messageId).orElseThrow(() -> sameKeyMeanwhile);
    }
    if (suppressed) {
      log.warn("{} for {} to {} not sent: more than {} automatic mails to this address within 24 hours "
          + "(a mail loop?)", kind, ticketNumber, recipientKey, autoReplyLimitPerDay);
      return stored.messageId();
    }
    return transmit(stored, to);
  }

  /**
   * Sends an extranet account mail, which belongs to no ticket: no ticket number in the subject and no row in the
   * ticket's message store (whose rows all name a ticket). Not deduplicated: the caller (the extranet) decides when
   * a new link is due, and a lost mail is replaced by asking for a password reset.
   *
   * @throws MailException when the SMTP server cannot be reached or refuses
   */
  public void sendAccountMail(MessageKind kind, String recipient, Map<String, ?> model) {
    if (!ACCOUNT_MAILS.contains(kind)) {
      throw new IllegalArgumentException(kind + " is about a ticket: use send()");
    }
    InternetAddress to = address(recipient);
    RenderedMail rendered = templates.render(kind, model);
    Outgoing mail = new Outgoing(0, null, kind.name(), from.getAddress(), to.getAddress(), rendered.subject(),
        rendered.body(), newMessageId("extranet"), null, null);
    mailSender.send(mimeMessage(mail, to));
    log.info("Sent {} to {}", kind, to.getAddress());
  }

  /**
   * Sends one staff member a digest about several tickets (the SLA digest). The daily cap neither counts nor stops
   * it: the cap guards customers' mailboxes against mail loops, while staff must hear of every breach, and a
   * digest is already at most a few mails per recipient and interval. It has no row in the tickets' message store,
   * whose rows name one ticket each; the caller records what it sent. The subject ends with the ticket number in
   * brackets when the digest is about one ticket only.
   *
   * @param claim unique per digest and kept by the caller: the Message-ID is made from it, so resending the same
   *     claim repeats the Message-ID
   * @throws MailException when the SMTP server cannot be reached or refuses
   */
  public String sendStaffDigest(MessageKind kind, String recipient, List<String> ticketNumbers, Map<String, ?> model,
      String claim) {
    if (kind.audience() != MessageKind.Audience.STAFF) {
      throw new IllegalArgumentException(kind + " is a customer mail: use send()");
    }
    InternetAddress to = address(recipient);
    RenderedMail rendered = templates.render(kind, model);
    String single = ticketNumbers.size() == 1 ? ticketNumbers.get(0) : null;
    String subject = single != null ? subjectWithTicketNumber(rendered.subject(), single) : rendered.subject();
    String messageId = "<staff-digest." + claim.replace("-", "") + "@" + messageIdDomain + ">";
    Outgoing mail = new Outgoing(0, single, kind.name(), from.getAddress(), to.getAddress(), subject,
        rendered.body(), messageId, null, null);
    mailSender.send(mimeMessage(mail, to));
    log.info("Sent {} about {} tickets to {} as {}", kind, ticketNumbers.size(), to.getAddress(), messageId);
    return messageId;
  }

  /**
   * The cap's rule, in one place: it counts and stops automatic mails to customers only. Mails to staff are never
   * capped (nor counted), so a flood of SLA timers never silences a breach notice.
   */
  private static boolean capped(MessageKind kind) {
    return kind.automatic() && kind.audience() == MessageKind.Audience.CUSTOMER;
  }

  private String resume(Outgoing earlier) {
    if (!Outbox.PENDING.equals(earlier.status())) {
      log.debug("{} of {} already {}, not sent again", earlier.kind(), earlier.ticketNumber(), earlier.status());
      return earlier.messageId();
    }
    if (ownCopyArrived(earlier)) {
      noteSent(earlier);
      log.info("{} of {} to {} as {} had reached the mail server before the desk could note it: marked sent, "
          + "not sent again", earlier.kind(), earlier.ticketNumber(), earlier.recipient(), earlier.messageId());
      return earlier.messageId();
    }
    log.info("Resending {} of {} left PENDING by a failed attempt", earlier.kind(), earlier.ticketNumber());
    return transmit(earlier, address(earlier.recipient()));
  }

  private boolean ownCopyArrived(Outgoing earlier) {
    OwnCopies copies = ownCopies.getIfAvailable();
    if (copies == null) {
      return false;
    }
    try {
      return copies.arrived(earlier.messageId());
    } catch (RuntimeException e) {
      // not knowing must not lose the mail: rather the same mail twice than none
      log.warn("Cannot tell whether {} of {} reached the mail server ({}): sending it again", earlier.kind(),
          earlier.ticketNumber(), e.toString());
      return false;
    }
  }

  /** Sends exactly what the row holds, so a retry repeats the same text and Message-ID; see {@link OwnCopies}. */
  private String transmit(Outgoing mail, InternetAddress to) {
    MimeMessage message = mimeMessage(mail, to);
    try {
      message.setRecipient(MimeMessage.RecipientType.BCC, from); // JavaMail leaves the Bcc header out of the mail
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot address the own copy of " + mail.kind(), e);
    }
    // a PENDING row lost in a crash would make the retry send the mail again under a new Message-ID
    durability.await();
    try {
      mailSender.send(message);
    } catch (MailException e) {
      metrics.sendFailed(MessageKind.valueOf(mail.kind()));
      throw new MailSendException(MessageKind.valueOf(mail.kind()) + " of " + mail.ticketNumber() + " to "
          + mail.recipient() + " not sent (kept PENDING for a retry): " + e.getMessage(), e);
    }
    noteSent(mail);
    log.info("Sent {} of {} to {} as {}", mail.kind(), mail.ticketNumber(), mail.recipient(), mail.messageId());
    return mail.messageId();
  }

  private void noteSent(Outgoing mail) {
    ownTransaction.executeWithoutResult(status -> outbox.markSent(mail.id(), DeskTime.now()));
    durability.await(); // a SENT lost in a crash would send the mail again
  }

  /**
   * Whether a mail in the support mailbox is the desk's blind copy of one it sent ({@link OwnCopies}): our loop
   * mark, from the support address, under one of our Message-IDs. A bounce or a customer's forward of our mail
   * comes from someone else.
   */
  public boolean isOwnCopy(Message message) throws MessagingException {
    Address[] senders = message.getFrom();
    String[] ids = message.getHeader("Message-ID");
    return message.getHeader(LOOP_HEADER) != null && senders != null && senders.length == 1
        && senders[0] instanceof InternetAddress sender && from.getAddress().equalsIgnoreCase(sender.getAddress())
        && ids != null && ids.length == 1
        && ids[0].strip().toLowerCase(Locale.ROOT).endsWith("@" + messageIdDomain.toLowerCase(Locale.ROOT) + ">");
  }

  private MimeMessage mimeMessage(Outgoing mail, InternetAddress to) {
    MimeMessage message = new MimeMessage(session()) {
      // JavaMail replaces the Message-ID on saveChanges(); keep ours, it is what replies refer to
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", mail.messageId());
      }
    };
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      helper.setSentDate(Date.from(DeskTime.now()));
      String autoSubmitted = MessageKind.valueOf(mail.kind()).author().autoSubmitted();
      if (autoSubmitted != null) {
        message.setHeader("Auto-Submitted", autoSubmitted);
      }
      message.setHeader(LOOP_HEADER, mail.ticketNumber() != null ? mail.ticketNumber()
          : MessageKind.valueOf(mail.kind()).audience() == MessageKind.Audience.STAFF ? "staff" : "extranet");
      // keeps Exchange/Outlook from answering with out-of-office and similar auto-replies
      message.setHeader("X-Auto-Response-Suppress", "All");
      String inReplyTo = idPart(mail.inReplyTo());
      if (inReplyTo != null) {
        message.setHeader("In-Reply-To", inReplyTo);
        message.setHeader("References", inReplyTo);
      }
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot build " + mail.kind() + " of " + mail.ticketNumber(), e);
    }
  }

  private Session session() {
    return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }

  private String newMessageId(String ticketNumber) {
    return "<" + ticketNumber + "." + UUID.randomUUID().toString().replace("-", "") + "@" + messageIdDomain + ">";
  }

  /**
   * Only the {@code <id>} of a customer's Message-ID goes into our headers: the rest of a header the customer wrote
   * (comments, folded lines, a smuggled "Bcc:") must never become part of a mail we send.
   */
  static String idPart(String messageId) {
    if (messageId == null) {
      return null;
    }
    Matcher id = MESSAGE_ID.matcher(messageId);
    return id.find() ? id.group() : null;
  }

  /** The contract: the ticket number in brackets ends every subject, exactly once. */
  static String subjectWithTicketNumber(String subject, String ticketNumber) {
    String tag = "[" + ticketNumber + "]";
    return (subject.replace(tag, " ").replaceAll("\\s+", " ").strip() + " " + tag).strip();
  }

  private static InternetAddress address(String recipient) {
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("No recipient");
    }
    try {
      InternetAddress address = new InternetAddress(recipient, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("Not an e-mail address: " + recipient, e);
    }
  }
}
