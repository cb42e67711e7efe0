package cz.intouch.support.mail;

import java.util.Locale;
import java.util.Set;

/**
 * Every kind of mail the desk sends, with its template {@code mail-templates/<kind-in-kebab-case>.txt} and the
 * model entries that template may use. {@code ticketNumber} is always available (OutboundMail supplies it).
 * A model value is written as the Czech reader expects it (see {@link MailTemplates}): {@code urgency} and
 * {@code outOfScopeCategory} codes by their Czech names, dates in words, lists one "- item" per line.
 */
public enum MessageKind {

  // to customers
  /** First answer to a complete request. {@code slaDeadline} absent or null (COSMETIC): "in the next release". */
  ACKNOWLEDGEMENT(Audience.CUSTOMER, Author.AUTO_REPLY, "urgency", "slaDeadline"),
  /** First answer to a request proposed for refusal as out of scope, while an agent confirms or serves it. */
  ACKNOWLEDGEMENT_SCOPE_REVIEW(Audience.CUSTOMER, Author.AUTO_REPLY),
  /** First answer to an incomplete request; {@code missingItems} is a list of what the customer must add. */
  MISSING_IDENTIFICATION(Audience.CUSTOMER, Author.AUTO_REPLY, "missingItems"),
  IDENTIFICATION_REMINDER(Audience.CUSTOMER, Author.AUTO_GENERATED, "missingItems"),
  REFUSED_UNIDENTIFIED(Audience.CUSTOMER, Author.AUTO_GENERATED),
  /** The request waits for an agent's decision; {@code contractValidUntil} a LocalDate. */
  CONTRACT_EXPIRED(Audience.CUSTOMER, Author.AUTO_REPLY, "contractValidUntil"),
  REFUSED_EXPIRED_CONTRACT(Audience.CUSTOMER, Author.AUTO_GENERATED, "contractValidUntil"),
  REFUSED_OUT_OF_SCOPE(Audience.CUSTOMER, Author.AUTO_REPLY, "outOfScopeCategory"),
  QUESTION_TO_CUSTOMER(Audience.CUSTOMER, Author.PERSON, "agentMessage"),
  CUSTOMER_REMINDER(Audience.CUSTOMER, Author.AUTO_GENERATED),
  RESOLUTION_SUMMARY(Audience.CUSTOMER, Author.PERSON, "agentMessage"),
  TICKET_CLOSED(Audience.CUSTOMER, Author.AUTO_GENERATED),
  FIXED_IN_RELEASE(Audience.CUSTOMER, Author.AUTO_GENERATED, "releaseVersion", "extranetUrl"),
  AGENT_REPLY(Audience.CUSTOMER, Author.PERSON, "agentMessage"),
  ATTACHMENT_TOO_LARGE(Audience.CUSTOMER, Author.AUTO_REPLY, "attachmentLimit"),
  /** Extranet account mails, about no ticket (see {@link OutboundMail#sendAccountMail}); the link is one-time. */
  EXTRANET_SET_PASSWORD(Audience.CUSTOMER, Author.AUTO_GENERATED, "contactName", "companyName", "passwordLink",
      "linkValidUntil"),
  EXTRANET_PASSWORD_RESET(Audience.CUSTOMER, Author.AUTO_GENERATED, "contactName", "passwordLink",
      "linkValidUntil"),

  // to staff
  /**
   * One recipient's SLA warnings and breaches of the last few minutes, several tickets in one mail (see
   * {@link OutboundMail#sendStaffDigest}); {@code breaches} and {@code warnings} are lists of ready ticket lines.
   */
  SLA_DIGEST(Audience.STAFF, Author.AUTO_GENERATED, "breachCount", "warningCount", "breaches", "warnings");

  public enum Audience { CUSTOMER, STAFF }

  /** Who wrote the text, which decides the RFC 3834 Auto-Submitted header. */
  public enum Author {
    /** An agent's own words: an ordinary mail, no Auto-Submitted. */
    PERSON(null),
    /** The system's immediate answer to the customer's message. */
    AUTO_REPLY("auto-replied"),
    /** Sent by the system on a timer or event, not in answer to a message. */
    AUTO_GENERATED("auto-generated");

    private final String autoSubmitted;

    Author(String autoSubmitted) {
      this.autoSubmitted = autoSubmitted;
    }

    /** Value of the Auto-Submitted header, or null for none. */
    public String autoSubmitted() {
      return autoSubmitted;
    }
  }

  /** Available in every template. */
  public static final String TICKET_NUMBER = "ticketNumber";

  private final Audience audience;
  private final Author author;
  private final Set<String> placeholders;

  MessageKind(Audience audience, Author author, String... placeholders) {
    this.audience = audience;
    this.author = author;
    this.placeholders = Set.of(placeholders);
  }

  public Audience audience() {
    return audience;
  }

  public Author author() {
    return author;
  }

  /** Written by the system rather than a person: counted by the per-recipient cap (unless to staff). */
  public boolean automatic() {
    return author != Author.PERSON;
  }

  /** Model entries the template may use, besides {@link #TICKET_NUMBER}. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /** Classpath location of the template. */
  public String templatePath() {
    return "mail-templates/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
  }
}
