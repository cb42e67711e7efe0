package cz.intouch.support.intake;

import cz.intouch.support.mail.DecodedMail;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.ticket.Texts;
import cz.intouch.support.triage.RequestText;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides whether a readable mail is a customer's message or machine mail that must never open a ticket nor be
 * answered (the rules of RFC 3834 and what Exchange, Gmail and Czech webmails actually send).
 */
final class MailClassifier {

  enum Kind { CUSTOMER, AUTO_REPLY, BOUNCE, LOOP }

  record Verdict(Kind kind, String reason) {}

  private static final Set<String> MACHINE_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
  private static final Pattern BOUNCE_SENDER = Pattern.compile("^(mailer-daemon|postmaster)@.*");
  /** Out-of-office subjects, folded (lower case, no diacritics). */
  private static final Pattern OUT_OF_OFFICE = Pattern.compile(
      "^(auto:|automaticka odpoved|automatic reply|autoreply|auto-reply|out of office|nepritomnost"
          + "|jsem mimo kancelar|mimo kancelar|abwesenheit|dovolena\\b|nepritomn).*|.*\\b(out of office|nepritomnost v kancelari"
          + "|automaticka odpoved)\\b.*");
  /**
   * An out-of-office note sent without any auto-reply header (Apple Mail rules, some webmails): a short new text
   * that says the writer is away and, besides, whom to call or when they are back. It asks nothing.
   */
  private static final Pattern ABSENT = Pattern.compile("\\b(jsem|budu|som|budem) (mimo kancelar|na dovolen|na sluzebni"
      + "|nepritom|na sluzobnej)|\\bcerpam dovolenou|\\bnepritomn[aey]? (v kancelari )?(do|od)\\b"
      + "|\\bi('| a)?m (currently )?(out of (the )?office|away from (the )?office|on (annual |parental )?leave|on vacation)");
  private static final Pattern ABSENT_DETAIL = Pattern.compile("v (nalehavych|urgentnich|neodkladnych) (pripadech|zalezitostech)"
      + "|v pripade nalehavosti|v sura?nych pripadoch|in (urgent|emergency) (cases|matters)|for urgent (matters|issues|requests)"
      + "|bez pristupu k (e-?mailu|poste|pocitaci)|(limited|no) access to (my )?e-?mail|vratim se|budu (opet )?zpet"
      + "|zastupuje me|v zastoupeni|will be back|be back on|back in the office|po navratu");
  private static final int MAX_ABSENCE_NOTE = 500;
  private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
      "^(undeliver(ed|able)|delivery status notification|mail delivery failed|returned mail|nedorucitelne"
          + "|nedoruceno|zpravu nelze dorucit).*");

  private final String supportAddress;

  MailClassifier(String supportAddress) {
    this.supportAddress = supportAddress.toLowerCase(Locale.ROOT);
  }

  Verdict classify(DecodedMail mail) {
    if (mail.header(OutboundMail.LOOP_HEADER) != null) {
      return new Verdict(Kind.LOOP, "LOOP: carries " + OutboundMail.LOOP_HEADER);
    }
    if (supportAddress.equals(mail.from())) {
      return new Verdict(Kind.LOOP, "LOOP: sent from the support address");
    }
    String contentType = mail.contentType() == null ? "" : mail.contentType().toLowerCase(Locale.ROOT);
    String subject = fold(mail.subject());
    if (contentType.startsWith("multipart/report") && contentType.contains("delivery-status")
        // a mailer daemon's bounce carries or names the mail it returns; a "postmaster" without one is phishing
        || BOUNCE_SENDER.matcher(mail.from()).matches() && !mail.quotedMessageIds().isEmpty()
        || BOUNCE_SUBJECT.matcher(subject).matches() && !mail.quotedMessageIds().isEmpty()) {
      return new Verdict(Kind.BOUNCE, "BOUNCE");
    }
    String autoSubmitted = lower(mail.header("Auto-Submitted"));
    boolean autoSubmittedMail = autoSubmitted != null && !autoSubmitted.startsWith("no");
    // "auto-generated" (RFC 3834) is also what a customer's own helpdesk (GLPI, OTRS, Jira) puts on a user's
    // request it relays to us, often with "Precedence: bulk": machine mail only when it answers a mail, comes from
    // a mailing list or is otherwise marked as an auto-reply
    boolean relayedRequest = autoSubmittedMail && autoSubmitted.startsWith("auto-generated")
        && !answersTheDesk(mail) && !isReceipt(subject, mail.text())
        && mail.header("List-Id") == null && mail.header("List-Unsubscribe") == null;
    if (autoSubmittedMail && !relayedRequest) {
      return new Verdict(Kind.AUTO_REPLY, "AUTO_REPLY: Auto-Submitted " + autoSubmitted);
    }
    String precedence = lower(mail.header("Precedence"));
    if (precedence != null && MACHINE_PRECEDENCE.contains(precedence) && !relayedRequest) {
      return new Verdict(Kind.AUTO_REPLY, "AUTO_REPLY: Precedence " + precedence);
    }
    if (mail.header("X-Autoreply") != null || mail.header("X-Autorespond") != null
        || mail.header("X-Auto-Response-Suppress") != null && !relayedRequest) {
      return new Verdict(Kind.AUTO_REPLY, "AUTO_REPLY: auto-response header");
    }
    if (OUT_OF_OFFICE.matcher(subject).matches()) {
      return new Verdict(Kind.AUTO_REPLY, "AUTO_REPLY: out-of-office subject");
    }
    if (isAbsenceNote(mail.text())) {
      return new Verdict(Kind.AUTO_REPLY, "AUTO_REPLY: out-of-office text");
    }
    // a helpdesk that sends its receipts without any auto-reply header still says they are automatic
    if (isAutomaticReceipt(subject, mail.text())) {
      return new Verdict(Kind.AUTO_REPLY, "AUTO_REPLY: helpdesk receipt text");
    }
    // an empty envelope sender marks a bounce, but out-of-office replies send with one too: hence after them
    if ("<>".equals(compact(mail.header("Return-Path")))) {
      return new Verdict(Kind.BOUNCE, "BOUNCE");
    }
    return new Verdict(Kind.CUSTOMER, null);
  }

  /**
   * Whether the mail answers one of the desk's own mails (our Message-IDs carry the support address's domain). A
   * customer helpdesk's update of a request it relayed earlier answers its own first mail instead.
   */
  private boolean answersTheDesk(DecodedMail mail) {
    String ours = supportAddress.substring(supportAddress.indexOf('@') + 1) + ">";
    return Stream.concat(Stream.ofNullable(mail.inReplyTo()), mail.references().stream())
        .anyMatch(id -> id.strip().toLowerCase(Locale.ROOT).endsWith("@" + ours));
  }

  /** A helpdesk's confirmation that it logged a mail: "Požadavek přijat", "Your request has been received". */
  private static final Pattern RECEIPT = Pattern.compile("pozadavek (byl )?(prijat|zaevidovan)|byl prijat a zaevidovan"
      + "|prijali jsme vas (pozadavek|e-?mail)|potvrzeni prijeti|your (request|ticket|e-?mail) (has been|was)"
      + " (received|logged|created)|we (have )?received your (request|e-?mail|message)|(request|ticket) received");

  private static final Pattern AUTOMATIC_NOTE = Pattern.compile("automaticka zprava|automaticky (generovan|odeslan)"
      + "|neodpovidejte|do not reply|this is an automated|automatically generated");

  /** An auto-generated mail that confirms a request was logged, not one that relays a request. */
  static boolean isReceipt(String subject, String body) {
    return RECEIPT.matcher(subject).find() || RECEIPT.matcher(Texts.fold(RequestText.newText(body))).find();
  }

  static boolean isAutomaticReceipt(String subject, String body) {
    return isReceipt(Texts.fold(subject), body) && AUTOMATIC_NOTE.matcher(Texts.fold(RequestText.newText(body))).find();
  }

  static boolean isAbsenceNote(String body) {
    String own = Texts.fold(RequestText.newText(body)).replaceAll("\\s+", " ");
    return own.length() <= MAX_ABSENCE_NOTE && own.indexOf('?') < 0 && ABSENT.matcher(own).find()
        && ABSENT_DETAIL.matcher(own).find();
  }

  private static String lower(String value) {
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String compact(String value) {
    return value == null ? null : value.replaceAll("\\s+", "");
  }

  static String fold(String text) {
    return Texts.fold(text == null ? null : text.strip());
  }
}
