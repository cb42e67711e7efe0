package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.identification.IdentificationService;
import cz.intouch.support.identification.RequestClues;
import cz.intouch.support.mail.DecodedMail;
import cz.intouch.support.mail.MailDecoder;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.mail.UnreadableMailException;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.Texts;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.ticket.TicketNumber;
import cz.intouch.support.ticket.TicketVariables.Quarantine;
import cz.intouch.support.ticket.TicketVariables.SpamDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one mail of the support INBOX into exactly one of: a new ticket, a message added to its ticket, a bounce
 * attached to the ticket whose mail it reports, an ignored machine mail, or a quarantined mail for an agent.
 * Everything, including the UNIQUE mail key, commits in one transaction; the caller moves the mail on the
 * server only afterwards.
 *
 * <p>Threading: the {@code [TS-YYYY-NNNNNN]} tag of the subject, else In-Reply-To and References against the
 * Message-IDs the desk stored or sent. A threaded mail is added to the ticket only when its sender belongs to
 * the ticket: it is the ticket's contact address, or a registered contact of the ticket's company (IČO).
 * Anybody else opens a new ticket that names the other one in {@code relatedTicket}: a stranger quoting a
 * ticket number must not read or steer someone else's ticket, and the agent still sees the connection.
 */
@Service
public class MailIntake {

  public enum Outcome { TICKET_OPENED, REPLY_ADDED, BOUNCE_ATTACHED, IGNORED, QUARANTINED, ALREADY_DONE }

  public record Result(String mailKey, Outcome outcome, String ticketNumber, String note) {}

  /** Business key of a quarantined mail's process: this prefix and the quarantine row's id. */
  static final String QUARANTINE_KEY_PREFIX = "KARANTENA-";

  private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

  private final MailIntakeStore store;
  private final TicketIntake tickets;
  private final TicketMessages messages;
  private final CustomerRegistry customers;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TransactionTemplate transaction;
  private final MailClassifier classifier;
  private final long attachmentLimit;
  private final OutboundMail outbound;
  private final DecisionService decisions;

  MailIntake(MailIntakeStore store, TicketIntake tickets, TicketMessages messages, CustomerRegistry customers,
      RuntimeService runtime, HistoryService history, PlatformTransactionManager transactions, MailSettings settings,
      OutboundMail outbound, DecisionService decisions) {
    this.store = store;
    this.decisions = decisions;
    this.outbound = outbound;
    this.tickets = tickets;
    this.messages = messages;
    this.customers = customers;
    this.runtime = runtime;
    this.history = history;
    this.transaction = new TransactionTemplate(transactions);
    this.classifier = new MailClassifier(settings.supportAddress());
    this.attachmentLimit = settings.attachmentLimit().toBytes();
  }

  /**
   * Handles one mail in its own transaction.
   *
   * @param receivedAt the IMAP INTERNALDATE: when our mail server got the mail, the receipt time of the request
   */
  public Result handle(byte[] raw, Instant receivedAt) {
    String key = MailKey.of(raw);
    if (store.known(key)) {
      return new Result(key, Outcome.ALREADY_DONE, null, null);
    }
    try {
      return transaction.execute(status -> process(key, raw, receivedAt));
    } catch (DuplicateKeyException takenMeanwhile) {
      // another node or poll committed this mail first
      return new Result(key, Outcome.ALREADY_DONE, null, null);
    }
  }

  private Result process(String key, byte[] raw, Instant receivedAt) {
    DecodedMail mail;
    try {
      mail = MailDecoder.decode(raw, attachmentLimit);
    } catch (UnreadableMailException unreadable) {
      return quarantine(key, raw, receivedAt, unreadable);
    }
    long intakeId = store.claim(key, mail.messageId(), mail.from(), mail.subject(), receivedAt, raw);
    MailClassifier.Verdict verdict = classifier.classify(mail);
    Optional<String> spam = verdict.kind() == MailClassifier.Kind.LOOP || verdict.kind() == MailClassifier.Kind.BOUNCE
        ? Optional.empty() : spamReason(mail);
    if (spam.isPresent()) {
      Result result = quarantineSpam(key, intakeId, raw, mail, receivedAt, spam.get());
      store.complete(intakeId, result.outcome(), null, result.note());
      log.info("Mail {} from {}: quarantined as spam ({})", key, mail.from(), result.note());
      return result;
    }
    Result result = switch (verdict.kind()) {
      case LOOP -> new Result(key, Outcome.IGNORED, null, verdict.reason());
      case AUTO_REPLY -> autoReply(key, mail, receivedAt, verdict.reason());
      case BOUNCE -> bounce(key, mail, receivedAt);
      case CUSTOMER -> customerMail(key, intakeId, mail, receivedAt);
    };
    store.complete(intakeId, result.outcome(), result.ticketNumber(), result.note());
    log.info("Mail {} from {}: {} {}{}", key, mail.from(), result.outcome(),
        result.ticketNumber() == null ? "" : result.ticketNumber(), result.note() == null ? "" : " (" + result.note() + ")");
    return result;
  }

  private Result customerMail(String key, long intakeId, DecodedMail mail, Instant receivedAt) {
    Optional<String> thread = threadOf(mail);
    String note = null;
    if (thread.isPresent()) {
      Optional<Map<String, Object>> ticket = ticketFacts(thread.get());
      if (ticket.isEmpty()) {
        note = "UNKNOWN_TICKET " + thread.get();
      } else if (senderBelongs(mail.from(), ticket.get())) {
        return reply(key, intakeId, mail, receivedAt, thread.get());
      } else {
        note = "SENDER_NOT_OF_TICKET_COMPANY " + thread.get();
        log.warn("{} refers to {} but {} is neither its contact nor of its company: opening a new ticket", key,
            thread.get(), mail.from());
      }
    }
    String ticketNumber = tickets.open(new TicketIntake.NewRequest(Channel.EMAIL, receivedAt, mail.subject(),
        mail.text(), null, null, null, mail.from(), null, null, false, mail.messageId()), mail.fromName());
    storeAttachments(intakeId, ticketNumber, mail);
    if (note != null && note.startsWith("SENDER_NOT_OF_TICKET_COMPANY")) {
      setOnTicket(ticketNumber, RELATED_TICKET, thread.get());
    }
    return new Result(key, Outcome.TICKET_OPENED, ticketNumber, note);
  }

  private Result reply(String key, long intakeId, DecodedMail mail, Instant receivedAt, String ticketNumber) {
    messages.recordIncoming(ticketNumber, TicketMessages.REPLY, Channel.EMAIL.name(), mail.from(), mail.subject(),
        mail.text(), receivedAt, mail.messageId());
    storeAttachments(intakeId, ticketNumber, mail);
    // what the agent's task form shows; the whole text stays in the ticket's messages
    setOnTicket(ticketNumber, LAST_CUSTOMER_MESSAGE, Texts.truncate(mail.text(), Texts.VARIABLE_LIMIT));
    boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(ticketNumber)
        .messageEventSubscriptionName(CUSTOMER_REPLIED).count() > 0;
    if (!waiting) {
      // e.g. the ticket is being resolved or closed: the message is on the ticket for the agent to read
      completeBuild(ticketNumber, mail.text());
      return new Result(key, Outcome.REPLY_ADDED, ticketNumber, "NOT_AWAITED");
    }
    runtime.createMessageCorrelation(CUSTOMER_REPLIED).processInstanceBusinessKey(ticketNumber)
        .setVariable(LAST_MESSAGE_RECEIVED_AT, Date.from(receivedAt)).correlateAll();
    return new Result(key, Outcome.REPLY_ADDED, ticketNumber, "CORRELATED");
  }

  /** Kept on the ticket it answers (visible, never correlated nor answered); otherwise only in the ledger. */
  private Result autoReply(String key, DecodedMail mail, Instant receivedAt, String reason) {
    Optional<String> ticket = threadOf(mail).filter(t -> ticketFacts(t).isPresent());
    ticket.ifPresent(t -> messages.recordIncoming(t, TicketMessages.AUTO_REPLY, Channel.EMAIL.name(), mail.from(),
        mail.subject(), mail.text(), receivedAt, null));
    return new Result(key, Outcome.IGNORED, ticket.orElse(null), reason);
  }

  private Result bounce(String key, DecodedMail mail, Instant receivedAt) {
    Optional<String> ticket = mail.quotedMessageIds().stream().map(messages::ticketOfMessageId)
        .flatMap(Optional::stream).findFirst();
    if (ticket.isEmpty()) {
      return new Result(key, Outcome.IGNORED, null, "BOUNCE of a mail the desk did not send");
    }
    // no Message-ID on purpose: our next mail must answer the customer's message, not the report
    messages.recordIncoming(ticket.get(), TicketMessages.BOUNCE, Channel.EMAIL.name(), mail.from(), mail.subject(),
        mail.text(), receivedAt, null);
    setOnTicket(ticket.get(), DELIVERY_FAILED, true);
    // and an incident, so the failed delivery shows in Cockpit until someone resolves it
    runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST).processInstanceBusinessKey(ticket.get())
        .list().forEach(instance -> runtime.createIncident(DELIVERY_FAILED,
            waitingExecution(runtime.getActivityInstance(instance.getId())), ticket.get(),
            "Doručení e-mailu zákazníkovi selhalo: " + Texts.truncate(mail.subject(), 200)));
    log.warn("A mail about {} could not be delivered: flagged {} for the agents", ticket.get(), DELIVERY_FAILED);
    return new Result(key, Outcome.BOUNCE_ATTACHED, ticket.get(), "BOUNCE");
  }

  private Result quarantine(String key, byte[] raw, Instant receivedAt, UnreadableMailException unreadable) {
    long intakeId = store.claim(key, MailKey.messageId(raw), unreadable.sender(), unreadable.subject(), receivedAt,
        raw);
    long quarantineId = store.quarantine(intakeId, unreadable.reason(), unreadable.sender(), unreadable.subject(),
        unreadable.textPreview(), raw, receivedAt);
    startQuarantineReview(quarantineId, unreadable.sender(), unreadable.subject(), unreadable.reason(),
        unreadable.textPreview(), receivedAt);
    store.complete(intakeId, Outcome.QUARANTINED, null, unreadable.reason());
    log.warn("Mail {} quarantined as {}: {}", key, quarantineId, unreadable.reason());
    return new Result(key, Outcome.QUARANTINED, null, unreadable.reason());
  }

  /**
   * The analysts' verdict ({@code dmn/spam.dmn}) on the mail's signals: the reason, starting with "SPAM", when the
   * mail is spam or phishing. Decided before machine mail, since bulk marketing carries Precedence: bulk too.
   */
  private Optional<String> spamReason(DecodedMail mail) {
    boolean customer = customers.findContactByEmail(mail.from()).isPresent();
    DmnDecisionRuleResult verdict = decisions.evaluateDecisionTableByKey(SPAM_DECISION)
        .variables(SpamSignals.of(mail, customer)).evaluate().getSingleResult();
    return Boolean.TRUE.equals(verdict.getEntry(SpamDecision.SPAM))
        ? Optional.of(verdict.<String>getEntry(SpamDecision.REASON))
        : Optional.empty();
  }

  /** Spam and phishing never become tickets and are never answered: an agent may still open one as a ticket. */
  private Result quarantineSpam(String key, long intakeId, byte[] raw, DecodedMail mail, Instant receivedAt,
      String reason) {
    long quarantineId = store.quarantine(intakeId, reason, mail.from(), mail.subject(),
        Texts.truncate(mail.text(), 100_000), raw, receivedAt);
    startQuarantineReview(quarantineId, mail.from(), mail.subject(), reason, mail.text(), receivedAt);
    return new Result(key, Outcome.QUARANTINED, null, reason);
  }

  private void startQuarantineReview(long quarantineId, String sender, String subject, String reason, String text,
      Instant receivedAt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Quarantine.QUARANTINE_ID, quarantineId);
    variables.put(Quarantine.SENDER, sender);
    variables.put(SUBJECT, Texts.truncate(subject, 255));
    variables.put(Quarantine.REASON, Texts.truncate(reason, 1000));
    variables.put(Quarantine.TEXT_PREVIEW, Texts.truncate(text, 3000));
    variables.put(RECEIVED_AT, Date.from(receivedAt));
    runtime.startProcessInstanceByKey(MAIL_QUARANTINE, QUARANTINE_KEY_PREFIX + quarantineId, variables);
  }

  /** The ticket a mail continues: the subject's tag first (what people see), then the Message-ID chain. */
  Optional<String> threadOf(DecodedMail mail) {
    Optional<TicketNumber> tagged = TicketNumber.taggedIn(mail.subject());
    if (tagged.isPresent()) {
      return Optional.of(tagged.get().value());
    }
    List<String> ids = new ArrayList<>();
    if (mail.inReplyTo() != null) {
      ids.add(mail.inReplyTo());
    }
    // the newest reference is the last one
    for (int i = mail.references().size() - 1; i >= 0; i--) {
      ids.add(mail.references().get(i));
    }
    return ids.stream().map(messages::ticketOfMessageId).flatMap(Optional::stream).findFirst();
  }

  /** contactEmail and companyId of a ticket, running or closed; empty when no such ticket exists. */
  private Optional<Map<String, Object>> ticketFacts(String ticketNumber) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SUPPORT_REQUEST).processInstanceBusinessKey(ticketNumber).list().stream().findFirst()
        .orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    Map<String, Object> facts = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instance.getId()).variableNameIn(CONTACT_EMAIL, COMPANY_ID).list()) {
      if (variable.getValue() != null) {
        facts.put(variable.getName(), variable.getValue());
      }
    }
    return Optional.of(facts);
  }

  private boolean senderBelongs(String sender, Map<String, Object> ticket) {
    Object contactEmail = ticket.get(CONTACT_EMAIL);
    if (contactEmail != null && sender.equalsIgnoreCase(contactEmail.toString().trim())) {
      return true;
    }
    Object companyId = ticket.get(COMPANY_ID);
    return companyId != null && customers.findContactByEmail(sender)
        .flatMap(contact -> customers.findCompany(contact.companyId())).map(Company::ico)
        .filter(companyId.toString()::equals).isPresent();
  }

  /** A reply that names the exact build of the ticket's version ("přesné číslo sestavení je 5.4.0 build 2290"). */
  private void completeBuild(String ticketNumber, String text) {
    runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST).processInstanceBusinessKey(ticketNumber)
        .list().forEach(instance -> {
          Object version = runtime.getVariable(instance.getId(), PROGRAM_VERSION);
          if (version != null && runtime.getVariable(instance.getId(), PROGRAM_BUILD) == null) {
            IdentificationService.buildOf(version.toString(), RequestClues.ownWords(text))
                .ifPresent(build -> runtime.setVariable(instance.getId(), PROGRAM_BUILD, build));
          }
        });
  }

  /** On the running ticket process; a closed ticket keeps the message only. */
  private void setOnTicket(String ticketNumber, String name, Object value) {
    runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST).processInstanceBusinessKey(ticketNumber)
        .list().forEach(instance -> runtime.setVariable(instance.getId(), name, value));
  }

  /** An incident belongs to an execution at an activity: where the ticket waits now. */
  private static String waitingExecution(ActivityInstance activity) {
    ActivityInstance[] children = activity.getChildActivityInstances();
    return children.length == 0 ? activity.getExecutionIds()[0] : waitingExecution(children[0]);
  }

  private void storeAttachments(long intakeId, String ticketNumber, DecodedMail mail) {
    mail.attachments().forEach(attachment -> store.attach(intakeId, ticketNumber, attachment));
    if (mail.anyAttachmentTruncated()) {
      log.warn("Attachments of a mail on {} exceed {} bytes: stored cut to the limit", ticketNumber, attachmentLimit);
      // once per mail: a retried intake of the same mail finds this key already sent
      outbound.send(MessageKind.ATTACHMENT_TOO_LARGE, ticketNumber, mail.from(),
          Map.of("attachmentLimit", (attachmentLimit / (1024 * 1024)) + " MB"), ticketNumber + ":attachment-limit:" + intakeId);
    }
  }
}
