package cz.intouch.support.triage;

import cz.intouch.support.ticket.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a customer's e-mail into the text the triage decisions ({@code dmn/urgency.dmn},
 * {@code dmn/scope.dmn}) match against.
 *
 * <p>{@link #newText(String)} keeps only what the customer wrote in this message: quoted lines
 * ({@code >}), everything from a reply/forward header on (Czech and English Outlook, Gmail,
 * Thunderbird forms), the signature after {@code "-- "} and a closing formula ("S pozdravem",
 * "Děkuji", "Díky", ...) that is followed only by a short name block.
 *
 * <p><b>Normalised form</b> produced by {@link #normalize(String, String)} — analysts write DMN
 * phrases against exactly this:
 *
 * <ul>
 *   <li>subject (without leading {@code Re:}, {@code Fw:}, {@code Fwd:}, {@code Odp:}, {@code
 *       VS:}) followed by the new text of the body;
 *   <li>lower case, diacritics removed: "Nelze spustit účetní export" becomes "nelze spustit
 *       ucetni export";
 *   <li>every character other than a letter or a digit becomes a space; a dot survives only
 *       between two digits, so versions stay whole ("5.3.2"), while "e-mail" becomes "e mail" and
 *       "MS-SQL" becomes "ms sql";
 *   <li>runs of whitespace (including line breaks) collapse to one space;
 *   <li>the text starts and ends with exactly one space, so {@code contains(?, " jak ")} matches
 *       the whole word "jak" anywhere, including first and last; an empty request is {@code " "}.
 * </ul>
 *
 * Example: subject "RE: Nejde spustit!", body "Dobrý den,\nInTouch 5.3.2 padá.\nS pozdravem\nJan"
 * gives {@code " nejde spustit dobry den intouch 5.3.2 pada "}.
 */
public final class RequestText {

  private static final Pattern QUOTE_SEPARATOR =
      Pattern.compile(
          "^\\s*-{2,}\\s*(original message|puvodni zprava|preposlana zprava|forwarded message)\\s*-{2,}.*");
  /** Gmail/Thunderbird: "Dne 12.3.2026 v 10:15 Jan Novák <jan@x.cz> napsal(a):", may wrap. */
  private static final Pattern CZECH_ATTRIBUTION_START = Pattern.compile("^\\s*dne\\s+\\S+.*");

  private static final Pattern ENGLISH_ATTRIBUTION_START = Pattern.compile("^\\s*on\\s+\\S+.*");
  private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(od|from)\\s*:\\*?.*");
  private static final Pattern HEADER_FOLLOWUP =
      Pattern.compile("^\\s*\\*?(odeslano|sent|datum|date|komu|to|predmet|subject)\\s*:.*");
  private static final Pattern FORWARD_SUBJECT =
      Pattern.compile("^\\s*((re|odp|aw)\\s*:\\s*)*(fw|fwd|vs|wg|tr|pr)\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern FORWARD_SEPARATOR =
      Pattern.compile("(?m)^\\s*-{2,}\\s*(preposlana zprava|forwarded message)\\s*-{2,}");
  private static final Pattern FORWARD_HEADER_MORE = Pattern.compile("^\\s*\\*?(kopie|cc|reply-to|odpovedet)\\s*:.*");
  private static final Pattern UNDERSCORE_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
  private static final Pattern SIGNATURE_DASHES = Pattern.compile("^--\\s?$");
  private static final Pattern CLOSING =
      Pattern.compile(
          "^(s\\s+(pozdravem|pratelskym\\s+pozdravem|uctou|pranim)|se\\s+srdecnym\\s+pozdravem"
              + "|srdecne\\s+zdravi|zdravi(m)?|(predem\\s+)?(dekuji|dekujeme|dekuju|diky|dik)"
              + "|hezky\\s+den|pekny\\s+den|best\\s+regards|kind\\s+regards|regards|thanks|thank\\s+you)"
              + "\\b.*");
  private static final Pattern SUBJECT_PREFIX =
      Pattern.compile("^\\s*((re|fw|fwd|odp|vs|aw|wg)\\s*(\\[\\d+\\])?\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

  /** A closing line longer than this is a real sentence ("Děkuji, ale stále to nejde ..."). */
  private static final int MAX_CLOSING_LINE = 60;
  /** A name block: name, position, company, phone, mail, web. */
  private static final int MAX_NAME_BLOCK_LINES = 8;

  private static final int MAX_NAME_BLOCK_LINE = 80;

  private RequestText() {}

  /** The part of an e-mail body the customer wrote in this message (original case kept). */
  public static String newText(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String folded = fold(line).trim();
      if (line.stripLeading().startsWith(">")) {
        continue;
      }
      if (SIGNATURE_DASHES.matcher(line).matches() || startsQuotedHistory(lines, i, folded)) {
        break;
      }
      if (isClosing(folded) && hasContent(kept) && onlyNameBlockFollows(lines, i + 1)) {
        break;
      }
      kept.add(line);
    }
    return String.join("\n", kept).strip();
  }

  /**
   * What the customer asks in this message: its {@link #newText new text} and, for a forward, the forwarded mail's
   * own words below it (without its header block, signature or older history). A forwarder often writes only
   * "posílám dál" above a colleague's fault report, which is what the desk has to judge. A reply's quoted history
   * stays out: it is the ticket's earlier messages.
   */
  public static String requestText(String subject, String body) {
    String own = newText(body);
    if (body == null || !isForward(subject, body)) {
      return own;
    }
    String forwarded = forwardedText(body);
    return forwarded.isEmpty() ? own : own + "\n\n" + forwarded;
  }

  private static boolean isForward(String subject, String body) {
    return subject != null && FORWARD_SUBJECT.matcher(subject).find()
        || FORWARD_SEPARATOR.matcher(fold(body)).find();
  }

  /** The forwarded mail's words: after its first separator or header block, up to its own signature or quotes. */
  private static String forwardedText(String body) {
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int start = -1;
    for (int i = 0; i < lines.length && start < 0; i++) {
      String line = lines[i];
      if (!line.stripLeading().startsWith(">") && startsQuotedHistory(lines, i, fold(line).trim())) {
        start = i;
      }
    }
    if (start < 0) {
      return "";
    }
    int i = start + 1;
    while (i < lines.length && (lines[i].isBlank() || isHeaderLine(fold(lines[i]).trim()))) {
      i++;
    }
    String[] rest = Arrays.copyOfRange(lines, Math.min(i, lines.length), lines.length);
    return newText(String.join("\n", rest));
  }

  private static boolean isHeaderLine(String folded) {
    return HEADER_FROM.matcher(folded).matches() || HEADER_FOLLOWUP.matcher(folded).matches()
        || FORWARD_HEADER_MORE.matcher(folded).matches();
  }

  /**
   * What the decision tables get: {@link #normalize} cut to {@value #DECISION_INPUT_LIMIT} characters at a word
   * boundary. Decision history stores every input in a 4000-character column, and what decides urgency and
   * scope stands at the start of a request anyway.
   */
  public static String decisionInput(String subject, String body) {
    String text = normalize(subject, body);
    if (text.length() <= DECISION_INPUT_LIMIT) {
      return text;
    }
    int cut = text.lastIndexOf(' ', DECISION_INPUT_LIMIT - 1);
    return text.substring(0, cut <= 0 ? DECISION_INPUT_LIMIT - 1 : cut) + " ";
  }

  public static final int DECISION_INPUT_LIMIT = Texts.VARIABLE_LIMIT;

  /** Subject plus new body text in the normalised form described in the class Javadoc. */
  public static String normalize(String subject, String body) {
    String s = subject == null ? "" : SUBJECT_PREFIX.matcher(subject).replaceFirst("");
    String text = fold(s + "\n" + requestText(subject, body));
    text = text.replaceAll("[^\\p{L}\\p{N}.]+", " ");
    text = text.replaceAll("(?<!\\p{N})\\.|\\.(?!\\p{N})", " ");
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? " " : " " + text + " ";
  }

  static String fold(String text) {
    return Texts.fold(text);
  }

  private static boolean startsQuotedHistory(String[] lines, int i, String folded) {
    if (QUOTE_SEPARATOR.matcher(folded).matches()) {
      return true;
    }
    String next = i + 1 < lines.length ? fold(lines[i + 1]).trim() : "";
    if (CZECH_ATTRIBUTION_START.matcher(folded).matches()
        && folded.matches(".*\\d.*")
        && (folded.contains("napsal") || next.contains("napsal"))) {
      return true;
    }
    if (ENGLISH_ATTRIBUTION_START.matcher(folded).matches()
        && (folded.endsWith("wrote:") || next.endsWith("wrote:"))) {
      return true;
    }
    if (UNDERSCORE_RULE.matcher(folded).matches() && HEADER_FROM.matcher(next).matches()) {
      return true;
    }
    if (HEADER_FROM.matcher(folded).matches()) {
      // An Outlook header block: "Od:" followed shortly by "Odesláno:"/"Sent:"/"Komu:"...
      for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        if (HEADER_FOLLOWUP.matcher(fold(lines[j]).trim()).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isClosing(String folded) {
    return folded.length() <= MAX_CLOSING_LINE && CLOSING.matcher(folded).matches();
  }

  private static boolean hasContent(List<String> kept) {
    return kept.stream().anyMatch(l -> !l.isBlank());
  }

  private static boolean onlyNameBlockFollows(String[] lines, int from) {
    int nonBlank = 0;
    for (int j = from; j < lines.length; j++) {
      String line = lines[j].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith(">")
          || SIGNATURE_DASHES.matcher(lines[j]).matches()
          || startsQuotedHistory(lines, j, fold(line))) {
        return true;
      }
      nonBlank++;
      if (nonBlank > MAX_NAME_BLOCK_LINES || line.length() > MAX_NAME_BLOCK_LINE || line.endsWith("?")) {
        return false;
      }
    }
    return true;
  }
}
