package cz.intouch.support.ticket;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every name Java shares with the models: the ticket's process variables (the first group is the public contract
 * that Cockpit, Tasklist and REST clients rely on; the rest are the process's own working variables), and the
 * process, message, decision and element ids of {@code bpmn/} and {@code dmn/} that code refers to.
 */
public final class TicketVariables {

  // processes (bpmn/)
  public static final String SUPPORT_REQUEST = "supportRequest";
  public static final String CUSTOMER_IDENTIFICATION = "customerIdentification";
  public static final String RELEASE_PUBLICATION = "releasePublication";
  public static final String MAIL_QUARANTINE = "mailQuarantine";

  // messages
  public static final String REQUEST_RECEIVED = "supportRequestReceived";
  public static final String CUSTOMER_REPLIED = "customerReplied";
  public static final String RELEASE_PUBLISHED = "releasePublished";

  // decisions (dmn/)
  public static final String SCOPE_DECISION = "scope";
  public static final String URGENCY_DECISION = "urgency";
  public static final String SLA_POLICY_DECISION = "slaPolicy";
  /** dmn/spam.dmn: spam or phishing, decided on the signals the mail intake computes. */
  public static final String SPAM_DECISION = "spam";

  // elements of supportRequest that code looks up
  public static final String INITIATE_RESOLUTION_TASK = "UserTask_InitiateResolution";
  public static final String SLA_BREACHED_TIMER = "BoundaryEvent_SlaBreached";
  public static final String SLA_WARNING_TIMER = "BoundaryEvent_SlaWarning";

  // contract
  public static final String TICKET_NUMBER = "ticketNumber";
  public static final String CHANNEL = "channel";
  public static final String COMPANY_ID = "companyId";
  public static final String COMPANY_NAME = "companyName";
  public static final String CONTACT_NAME = "contactName";
  public static final String CONTACT_EMAIL = "contactEmail";
  public static final String PROGRAM_VERSION = "programVersion";
  /** The build number the customer gave beside the version ("5.3.2, build 2318" gives 2318), or absent. */
  public static final String PROGRAM_BUILD = "programBuild";
  /** For the agent's identification task: what identification found where, in Czech, one line per piece. */
  public static final String IDENTIFICATION_FINDINGS = "identificationFindings";
  /** The From display name of the customer's mail: a clue for the person, never an identification by itself. */
  public static final String SENDER_NAME = "senderName";
  public static final String IDENTIFIED = "identified";
  public static final String CONTRACT_VALID = "contractValid";
  public static final String SCOPE = "scope";
  public static final String OUT_OF_SCOPE_CATEGORY = "outOfScopeCategory";
  public static final String URGENCY = "urgency";
  public static final String SLA_DEADLINE = "slaDeadline";
  public static final String STATUS = "status";

  // intake
  public static final String RECEIVED_AT = "receivedAt";
  public static final String SUBJECT = "subject";
  /** Request text as given at intake; moved into the ticket's message store, never kept as a variable. */
  public static final String DESCRIPTION = "description";
  public static final String ANSWERED_IN_CALL = "answeredInCall";
  public static final String URGENCY_PROPOSAL = "urgencyProposal";
  public static final String LANGUAGE = "language";
  /** The start of the request as the agents' task forms show it. */
  public static final String REQUEST_PREVIEW = "requestPreview";
  /** Receipt of the latest customer message; correlated replies carry it. */
  public static final String LAST_MESSAGE_RECEIVED_AT = "lastMessageReceivedAt";

  // identification
  public static final String MISSING_IDENTIFICATION = "missingIdentification";
  public static final String CONTRACT_VALID_UNTIL = "contractValidUntil";
  public static final String SERVE_PAID = "servePaid";
  /** Checkbox of the agent's form: the company confirmed the contact, who may get an extranet account. */
  public static final String VOUCH_CONTACT = "vouchContact";

  // triage and SLA
  public static final String TRIAGE_TEXT = "text";
  /** Named signals of a request's substance the scope and urgency tables read (transient, set by triage). */
  public static final String SIGNAL_FAULT_REPORTED = "faultReported";
  public static final String SIGNAL_EVERYONE_AFFECTED = "everyoneAffected";
  public static final String SIGNAL_OPERATIONS_STOPPED = "operationsStopped";
  public static final String SIGNAL_DATA_LOST = "dataLost";
  public static final String SIGNAL_WORKAROUND_EXISTS = "workaroundExists";
  public static final String SIGNAL_ONE_USER = "oneUser";
  public static final String SIGNAL_SLOW_ONLY = "slowOnly";
  public static final String SIGNAL_COSMETIC_ONLY = "cosmeticOnly";
  public static final String SIGNAL_HOW_TO_QUESTION = "howToQuestion";
  public static final String SIGNAL_CONFIGURATION_QUESTION = "configurationQuestion";
  /** The out-of-scope category of the request's main ask ({@code OutOfScopeCategory} code), or null. */
  public static final String SIGNAL_MAIN_ASK_PAID_WORK = "mainAskPaidWork";
  public static final String SIGNAL_PAID_WORK_ASIDE = "paidWorkAside";
  public static final String REFUSAL_CONFIRMED = "refusalConfirmed";
  /** The scope and urgency the classifier learnt from the analysts' labelled requests suggests (transient). */
  public static final String SUGGESTED_SCOPE = "suggestedScope";
  public static final String SUGGESTED_URGENCY = "suggestedUrgency";
  public static final String SLA_START_AT = "slaStartAt";
  public static final String SLA_RULE = "slaRule";
  public static final String SLA_DAYS = "slaDays";
  public static final String WARN_BEFORE = "warnBefore";
  public static final String SLA_WARNING_AT = "slaWarningAt";
  public static final String SLA_BREACHED = "slaBreached";
  public static final String RECLASSIFY_TO = "reclassifyTo";

  // resolution
  public static final String OUTCOME = "outcome";
  public static final String AGENT_MESSAGE = "agentMessage";
  public static final String CUSTOMER_REMINDED = "customerReminded";
  public static final String CLOSED_AT = "closedAt";
  /** Czech words of the codes for the agents' task forms ({@code ticketLabels}). */
  public static final String OUT_OF_SCOPE_REASON = "outOfScopeReason";
  public static final String URGENCY_LABEL = "urgencyLabel";
  /** The reply field of the agents' task forms: sent to the customer on completion, then cleared. */
  public static final String AGENT_REPLY = "agentReply";

  // release
  public static final String RELEASE_VERSION = "releaseVersion";
  /** A waiting cosmetic ticket's release its fix is planned into (null: none planned yet). */
  public static final String PLANNED_RELEASE = "plannedRelease";
  public static final String NEWEST_VERSION = "newestVersion";
  /** True when the newest published release is higher than the customer's version. */
  public static final String UPGRADE_AVAILABLE = "upgradeAvailable";

  // mail
  /** A new ticket opened by someone else than the contact of the ticket their mail replied to. */
  public static final String RELATED_TICKET = "relatedTicket";
  /** A bounce came back for one of our mails; also the type of the Cockpit incident it raises. */
  public static final String DELIVERY_FAILED = "deliveryFailed";
  /** The customer's latest mail as the agents' forms show it. */
  public static final String LAST_CUSTOMER_MESSAGE = "lastCustomerMessage";
  /** Per-ticket counter of customer mails: part of each mail's dedup key, so it travels with the ticket. */
  public static final String CUSTOMER_MAILS_SENT = "customerMailsSent";

  private TicketVariables() {}

  /** The variables of {@code releasePublication} (the manager's forms), beside {@link #RELEASE_VERSION}. */
  public static final class Release {
    public static final String RELEASE_KIND = "releaseKind";
    public static final String PLANNED_ON = "plannedOn";
    public static final String RELEASE_NOTES = "releaseNotes";
    public static final String INSTALLATION_INSTRUCTIONS = "installationInstructions";
    public static final String INSTALLER_FILE = "installerFile";
    public static final String PLANNED_TICKETS = "plannedTickets";
    public static final String FIXED_TICKETS = "fixedTickets";
    public static final String FIXED_COUNT = "fixedCount";
    public static final String MOVED_COUNT = "movedCount";

    private Release() {}
  }

  /** The variables of {@code mailQuarantine}, beside {@link #SUBJECT} and {@link #RECEIVED_AT}. */
  public static final class Quarantine {
    public static final String QUARANTINE_ID = "quarantineId";
    public static final String SENDER = "sender";
    public static final String REASON = "reason";
    public static final String TEXT_PREVIEW = "textPreview";

    private Quarantine() {}
  }

  /** Inputs and outputs of {@code dmn/spam.dmn} ({@link #SPAM_DECISION}). */
  public static final class SpamDecision {
    public static final String UPSTREAM_VERDICT = "upstreamSpamVerdict";
    public static final String LIST_HEADERS = "listHeaders";
    public static final String MARKETING_PHRASES = "marketingPhrases";
    public static final String CREDENTIAL_PHISHING = "credentialPhishing";
    public static final String PAYMENT_REQUEST = "paymentRequest";
    public static final String SENDER_IS_CUSTOMER = "senderIsCustomer";
    public static final String REPLY_TO_ELSEWHERE = "replyToElsewhere";
    public static final String LINKS = "links";
    public static final String LOOKALIKE_LINK = "lookalikeLink";
    public static final String HTML_ATTACHMENT = "htmlAttachment";
    public static final String DOMAIN_SCAM = "domainScam";
    public static final String FAKE_FILE_SHARE_LINK = "fakeFileShareLink";
    public static final String CEO_FRAUD = "ceoFraud";
    /** Output: the mail is spam or phishing. */
    public static final String SPAM = "spam";
    /** Output: why, for the agent in the quarantine (starts with "SPAM"). */
    public static final String REASON = "reason";

    private SpamDecision() {}
  }

  /**
   * Sets the variable only when its value changes. The engine writes a runtime row, a history row and a
   * history detail for every set, also of an unchanged value; steps that re-check a whole ticket use this.
   */
  public static void setIfChanged(VariableScope scope, String name, Object value) {
    if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }
}
