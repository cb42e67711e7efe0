package cz.intouch.support.identification;

import cz.intouch.support.customer.Ico;
import cz.intouch.support.customer.NameKey;
import cz.intouch.support.ticket.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer's own words tell about who writes and which program version they use, read the way an agent
 * reads a mail: the new text with its signature block, never the quoted history below it (for a forward: the
 * forwarder's part only).
 */
public final class RequestClues {

  /**
   * A program version as written: 5.3, 5.3.2, v5.3, with a build as its fourth part ({@link #VERSION_DOT_BUILD});
   * not a date (27.10.2026, 14.11.) nor an IP address.
   */
  private static final Pattern VERSION_NUMBER = Pattern.compile(
      "(?<![\\d.,])(?:v)?(\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,3})?)(?![\\d]|\\.\\d|,\\d)");
  /** "5.3.2.2214": a version with its build as the fourth part. */
  private static final Pattern VERSION_DOT_BUILD = Pattern.compile(
      "(?<![\\d.,])(\\d\\.\\d{1,2}\\.\\d{1,3})\\.(\\d{4,6})(?![\\d]|\\.\\d)");
  /** Words just before a number that make it the version in use. */
  private static final Pattern IN_USE_CUE = Pattern.compile(
      "(verz|version|\\bver\\b|\\bv\\.\\s*$|intouch|\\bmame|\\bpouzivame|\\bjedeme|\\bprovozujeme|running|\\bruns?\\s*$|\\bis\\s*$"
          + "|\\b(we are|we're) on\\s*$|aktualizac\\w*"
          + "( intouch( crm)?)? na|\\bna verzi\\s*$|:\\s*$)");
  /** Words that make the number after them the version in use whatever else the sentence says. */
  private static final Pattern CURRENT_CUE = Pattern.compile(
      "((?<!\\bna )aktualni|soucasn\\w*|stavajic\\w*|dosavadn\\w*|current"
          + "|\\b(od|po|since|after)( the| our| we)? (upgrad|aktualizac|update|prechod)\\w*"
          + "( na| to)?)( verz\\w*| version)?\\s*:?\\s*$");
  /** Words just before a number that make it a target or a past version, not the one in use. */
  private static final Pattern NOT_IN_USE_CUE = Pattern.compile(
      "(upgrad\\w*|prejit|presli|prechod\\w*|planujeme|nejnovejsi|jste psali|psali jste|"
          + "chteli bychom|radi bychom|objedn\\w*|nov(a|ou) verz\\w*"
          + "|vysl\\w*|vratit|upgrade to|would like|\\bdo verze|guide|navod|prirucka|download|stahn\\w*"
          + "|instalacni (balic|soubor)|installer|release notes|newsletter)[^.!?\\n]{0,25}$");
  /** After a past version, the one it went to: "z 5.3.2 na 5.4.0", "from 5.2.1 to 5.4.1". */
  private static final Pattern TARGET_FOLLOWS = Pattern.compile(
      "[^.!?\\n\\d]{0,40}?\\b(na|to|->|→)\\s*(verzi\\s*|version\\s*|v)?\\d");
  /** "5.3.2 (2214)", "5.3.2 (build 2214)": the build in parentheses right after the version. */
  /** An upgrade asked for, offered or planned, not done: "prosím o provedení upgradu z …", "we plan to move from". */
  private static final Pattern UPGRADE_ASKED_FOR = Pattern.compile(
      "(prosim o|prosime o|chceme|chteli bychom|radi bychom|planujeme|potrebujeme|objedn\\w*|nabidk\\w*"
          + "|would like|we plan|please|can you|could you)[^.!?\\n]{0,60}(upgrad|aktualizac|prechod|prejit|update|move)");
  private static final Pattern BUILD_IN_PARENTHESES = Pattern.compile("\\s*\\(\\s*(?:build\\s*)?(\\d{3,6})\\s*\\)");
  private static final Pattern BUILD = Pattern.compile("(?iu)\\b(?:build|sestavení|sestaveni)\\s*:?\\s*(\\d{3,6})\\b");
  /** "IČO: 255 96 641", "IČ 25596641", "ič: 25596641"; a DIČ "CZ25596641" holds the IČO. */
  private static final Pattern ICO = Pattern.compile("(?iu)(?:\\bI[ČC]O?\\b|\\bIČ\\b)\\s*[:.]?\\s*((?:\\d\\s?){7}\\d)\\b");
  private static final Pattern DIC = Pattern.compile("(?iu)\\bCZ\\s?(\\d{8})\\b");
  private static final Pattern ANY_EIGHT_DIGITS = Pattern.compile("(?<![\\d.\\-/+])(\\d{8})(?![\\d.\\-/])");
  /** Words before an 8-digit number that make it an order, invoice, customer or phone number. */
  private static final Pattern OTHER_NUMBER_CUE = Pattern.compile(
      "(?iu)(objedn|faktur|zakáz|zakaz|zákazn|zakazn|odběr|odber|smlouv|č\\.|c\\.|číslo|cislo|tel|mob|order|invoice"
          + "|customer|\\bpo\\b|no\\.|#)[^\\n]{0,20}$");
  private static final Pattern CLOSING = Pattern.compile(
      "(?iu)^\\s*(s\\s+pozdravem|s\\s+př[áa]telsk[ýy]m\\s+pozdravem|s\\s+úctou|s\\s+uctou|se\\s+srde[čc]n[ýy]m\\s+pozdravem"
          + "|srde[čc]n[ěe]\\s+zdrav[íi]|s\\s+p[řr][áa]n[íi]m|zdrav[íi]m|d[ěe]kuji|d[ěe]kujeme|d[ěe]kuju|d[íi]ky|d[íi]k"
          + "|p[řr]edem\\s+d[ěe]kuji|hezk[ýy]\\s+den|p[ěe]kn[ýy]\\s+den|best\\s+regards|kind\\s+regards|regards"
          + "|best\\s+wishes|thanks|thank\\s+you|cheers|many\\s+thanks)\\b[^\\n]{0,40}$");
  private static final String TITLE = "(?:Ing\\.|Mgr\\.|Bc\\.|MUDr\\.|JUDr\\.|PhDr\\.|RNDr\\.|MVDr\\.|PaedDr\\.|doc\\.|prof\\.|Dr\\.)";
  /** "Nováková", "Nováková-Svobodová", "O'Brien". */
  private static final String NAME_WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
  /** A line that is a person's name: "Ing. Jana Nováková, Ph.D.", "Jana Nováková – vedoucí skladu". */
  private static final Pattern PERSON = Pattern.compile(
      "^\\s*(?:" + TITLE + "\\s*)*(" + NAME_WORD + "\\s+" + NAME_WORD + ")\\s*(?:(?:,|\\s[-–|/]\\s).*|,?\\s*Ph\\.D\\.|,?\\s*DiS\\.|,?\\s*MBA)?\\s*$");
  private static final Pattern SIGNATURE_DASHES = Pattern.compile("^--\\s?$");
  /**
   * "jsem Eva Bartošová", "psala jsem to já, Veronika Dušková", "my name is Sarah Whitfield", and the reply of
   * someone who forgot to sign: "zapomněl jsem se podepsat. Jan Procházka", "… - píše Jitka Marešová".
   */
  private static final Pattern SELF_INTRODUCTION = Pattern.compile(
      "(?u)(?:\\b[Jj]sem|\\b[Jj]menuji se|\\bjá,|\\b[Mm]y name is|\\bI am|\\bI'm|\\b[Tt]ady"
          + "|\\bintroduce myself:?|\\b[Pp][řr]edstav[íi]m se:?|\\b[Pp][íi][šs]e|\\bforgot to sign[.,:]?(?:\\s*[-–])?"
          + "|\\bpodepsat[.,:!]?(?:\\s*[-–])?(?:\\s+[Pp][íi][šs]e)?)\\s+(" + NAME_WORD
          + "\\s+" + NAME_WORD + ")\\b");
  /**
   * A requester field of a request relayed by the customer's own helpdesk (OTRS, Jira Service Management,
   * ServiceNow, GLPI, Freshdesk): "Žadatel: Jan Novák", "Reporter: Petra Nováková (Service Desk)",
   * "Nahlásil(a): …", "Volající: …", "Reported by Jan Novák". Such a mail is signed by the service desk or the
   * organisation; the person is the one the field names.
   */
  private static final Pattern REQUESTER = Pattern.compile(
      "(?<![\\p{L}])(?iu:ž[aá]datel(?:ka)?|zadavatel(?:ka)?|nahl[aá]sil(?:\\(a\\)|a)?|ohl[aá]sil(?:\\(a\\)|a)?"
          + "|volaj[ií]c[ií]|requester|requestor|reporter|reported\\s+by|raised\\s+by|submitted\\s+by|caller)"
          + "[ \t]*:?[ \t]*(?:\\R[ \t]*)?(?:" + TITLE + "\\s*)*(" + NAME_WORD + "[ \t]+" + NAME_WORD + ")(?![\\p{L}])");
  /** Jira's and ServiceNow's phrasing: "Martina Pokorná raised a request", "Jan Novák vytvořil požadavek". */
  private static final Pattern REQUESTER_BEFORE = Pattern.compile(
      "(?<![\\p{L}])(" + NAME_WORD + "[ \t]+" + NAME_WORD + ")[ \t]+(?iu:(?:raised|submitted|created|opened)"
          + "[ \t]+(?:a|this|the|new)[ \t]+(?:request|ticket|issue|incident)|(?:vytvo[řr]il|zalo[žz]il|zadal)a?[ \t]+"
          + "(?:nov[ýy][ \t]+)?(?:po[žz]adavek|tiket|incident))");
  /** A signature of a department or a shared mailbox names no person. */
  private static final java.util.Set<String> DEPARTMENTS = java.util.Set.of("dispecink", "recepce", "obchod",
      "expedice", "fakturace", "uctarna", "sekretariat", "podpora", "oddeleni", "kancelar", "sklad", "provoz",
      "info", "office", "sales", "support", "team", "tym", "vedeni", "servis", "helpdesk", "admin", "it",
      "obchodni", "ekonomicke", "personalni", "zakaznicka", "technicka", "desk");
  /** Where someone else's words begin: reply attributions, forwarded or original message headers. */
  private static final Pattern HISTORY_SEPARATOR = Pattern.compile(
      "^\\s*(-{2,}\\s*(original message|puvodni zprava|preposlana zprava|forwarded message|puvodni e-mail)\\s*-{2,}.*"
          + "|begin forwarded message:?|zacatek preposilane zpravy:?|_{10,})\\s*$");
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "^\\s*((dne|on)\\s.*(napsal|wrote).*|.*(napsal\\(a\\)|napsal|napsala|wrote):\\s*)$");
  private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(od|from)\\s*:\\*?.*");
  private static final Pattern HEADER_FOLLOWUP = Pattern.compile(
      "^\\s*\\*?(odeslano|sent|datum|date|komu|to|predmet|subject)\\s*:.*");

  private RequestClues() {}

  /**
   * The customer's own words in one message: the new text and its signature, without quoted lines and without
   * anything from a reply attribution or forwarded/original message header on. Non-breaking spaces are spaces.
   */
  public static String ownWords(String body) {
    if (body == null) {
      return "";
    }
    String[] lines = body.replace('\u00A0', ' ').replace('\u202F', ' ').replace("\r\n", "\n").split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String folded = Texts.fold(line).strip();
      if (line.stripLeading().startsWith(">")) {
        continue;
      }
      if (HISTORY_SEPARATOR.matcher(folded).matches() || ATTRIBUTION.matcher(folded).matches()
          && folded.matches(".*(\\d|@).*") || outlookHeader(lines, i, folded)) {
        break;
      }
      kept.add(line);
    }
    return String.join("\n", kept).strip();
  }

  private static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@([\\w-]+(?:\\.[\\w-]+)+)");

  /**
   * The words of a mail forwarded from a colleague: the forwarded message's own words when its sender writes from
   * the forwarder's domain, else empty. What a colleague of the same company wrote may tell the version they run;
   * someone else's forwarded mail tells nothing about the forwarder.
   */
  public static String forwardedByColleague(String body, String forwarderEmail) {
    Matcher forwarder = ADDRESS.matcher(forwarderEmail == null ? "" : forwarderEmail);
    if (body == null || !forwarder.find()) {
      return "";
    }
    String domain = forwarder.group(1).toLowerCase(Locale.ROOT);
    String[] lines = body.replace('\u00A0', ' ').replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String folded = Texts.fold(lines[i]).strip();
      if (lines[i].stripLeading().startsWith(">")) {
        continue;
      }
      boolean separator = HISTORY_SEPARATOR.matcher(folded).matches();
      if (!separator && !outlookHeader(lines, i, folded)) {
        continue;
      }
      // the header block of the forwarded message, up to its first empty line
      int j = separator ? i + 1 : i;
      boolean fromColleague = false;
      for (; j < lines.length && !lines[j].isBlank(); j++) {
        Matcher sender = ADDRESS.matcher(lines[j]);
        if (HEADER_FROM.matcher(Texts.fold(lines[j]).strip()).matches() && sender.find()) {
          fromColleague = sender.group(1).toLowerCase(Locale.ROOT).equals(domain);
        }
      }
      return fromColleague ? ownWords(String.join("\n", java.util.Arrays.copyOfRange(lines, j, lines.length)))
          : "";
    }
    return "";
  }

  private static boolean outlookHeader(String[] lines, int i, String folded) {
    if (!HEADER_FROM.matcher(folded).matches()) {
      return false;
    }
    for (int j = i + 1; j < Math.min(lines.length, i + 5); j++) {
      if (HEADER_FOLLOWUP.matcher(Texts.fold(lines[j]).strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The version in use and its build, when the text names them. */
  public record Version(String version, String build) {}

  /**
   * The program version in use ("5.3.2", "v5.3", "InTouch (5.4.0)", "od aktualizace na 5.4.0"), never an upgrade
   * target or a version merely mentioned ("plánujeme upgrade na 5.4", "z verze 4.8.3 na 5.4.0" gives 5.4.0);
   * with its build number ("build 2318") kept apart.
   */
  public static Optional<Version> version(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String flat = VERSION_DOT_BUILD.matcher(text.replace('\u00A0', ' ')).replaceAll("$1 build $2");
    String folded = Texts.fold(flat);
    return versionFound(flat, folded).map(found -> found.build() != null ? found
        : new Version(found.version(), buildNamedLater(folded, found.version())));
  }

  /** A reply's "přesná verze je 5.4.0 build 2268" completes the version found earlier. */
  private static String buildNamedLater(String folded, String version) {
    Matcher later = Pattern.compile("(?<![\\d.])" + Pattern.quote(version) + "(?![\\d]|\\.\\d)"
        + "(?:\\s*,?\\s*(?:build|sestaveni)\\s*:?\\s*|\\s*\\(\\s*(?:build\\s*)?)(\\d{3,6})").matcher(folded);
    return later.find() ? later.group(1) : null;
  }

  /** @param flat the text with a fourth-part build written out ("5.3.2 build 2214"); @param folded it folded */
  private static Optional<Version> versionFound(String flat, String folded) {
    Matcher number = VERSION_NUMBER.matcher(folded);
    int previousEnd = 0;
    boolean previousWasPast = false;
    String fallback = null;
    int fallbackEnd = -1;
    while (number.find()) {
      String version = number.group(1);
      int lineStart = folded.lastIndexOf('\n', number.start()) + 1;
      String before = folded.substring(Math.max(lineStart, number.start() - 45), number.start());
      String sincePrevious = folded.substring(Math.max(lineStart, Math.max(previousEnd, number.start() - 45)),
          number.start());
      boolean vPrefix = number.group().startsWith("v");
      if (inLinkOrFileName(folded, number.start())) {
        // "extranet.intouch-crm.cz/docs/admin-5.3": a document's name, not the version they run
        previousEnd = number.end();
        continue;
      }
      boolean notInUse = NOT_IN_USE_CUE.matcher(sincePrevious).find();
      boolean chainedFromPast = previousWasPast && sincePrevious.matches("\\s*na\\s*|\\s*to\\s*|\\s*->\\s*");
      // "z verze 4.8.3 na 5.4.0" is a past version; "drobnost z verze 5.4.1:" names the version it is in
      boolean pastVersion = sincePrevious.matches("(?s).*(\\bz verze|\\bfrom( version)?|\\bz)\\s*$")
          && TARGET_FOLLOWS.matcher(folded).region(number.end(), folded.length()).lookingAt();
      previousEnd = number.end();
      previousWasPast = pastVersion;
      if (CURRENT_CUE.matcher(before).find()) {
        return Optional.of(new Version(version, buildNear(flat, folded, number.end())));
      }
      if (pastVersion) {
        String sentence = folded.substring(Math.max(lineStart, number.start() - 90), number.start());
        if (UPGRADE_ASKED_FOR.matcher(sentence).find()) {
          // "prosím o provedení upgradu z 5.3.2 na 5.4.0": not done yet, they still run the first one
          return Optional.of(new Version(version, buildNear(flat, folded, number.end())));
        }
        continue;
      }
      if (chainedFromPast || !notInUse && (vPrefix || IN_USE_CUE.matcher(before).find())) {
        return Optional.of(new Version(version, buildNear(flat, folded, number.end())));
      }
      if (!notInUse && fallback == null && version.chars().filter(c -> c == '.').count() == 2) {
        fallback = version;
        fallbackEnd = number.end();
      }
    }
    return fallback == null ? Optional.empty()
        : Optional.of(new Version(fallback, buildNear(flat, folded, fallbackEnd)));
  }

  /** Whether the number at {@code start} is part of a path or link: its word, from a space or "(", holds a "/". */
  private static boolean inLinkOrFileName(String folded, int start) {
    int wordStart = start;
    while (wordStart > 0 && !Character.isWhitespace(folded.charAt(wordStart - 1))
        && folded.charAt(wordStart - 1) != '(') {
      wordStart--;
    }
    return folded.substring(wordStart, start).contains("/");
  }

  /** Compatibility: the version in use, without its build. */
  public static Optional<String> programVersion(String text) {
    return version(text).map(Version::version);
  }

  /** The build right after the version ("5.3.2, build 2318", "(build 2402)"), else the only build named. */
  private static String buildNear(String flat, String folded, int versionEnd) {
    Matcher inParentheses = BUILD_IN_PARENTHESES.matcher(folded).region(versionEnd, folded.length());
    if (inParentheses.lookingAt()) {
      return inParentheses.group(1);
    }
    Matcher build = BUILD.matcher(folded);
    String first = null;
    int count = 0;
    while (build.find()) {
      if (build.start() >= versionEnd && build.start() - versionEnd <= 25) {
        return build.group(1);
      }
      if (first == null) {
        first = build.group(1);
      }
      count++;
    }
    return count == 1 ? first : null;
  }

  /**
   * A company ID with a valid check digit: one labelled "IČO"/"IČ" or held by a DIČ first; else, only when no
   * labelled one exists, an 8-digit number that is not an order, invoice, customer or phone number.
   */
  public static Optional<String> companyId(String text) {
    return labelledCompanyId(text).or(() -> unlabelledCompanyId(text));
  }

  public static Optional<String> labelledCompanyId(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String flat = VERSION_DOT_BUILD.matcher(text.replace('\u00A0', ' ')).replaceAll("$1 build $2");
    for (Pattern pattern : List.of(ICO, DIC)) {
      Matcher labelled = pattern.matcher(flat);
      while (labelled.find()) {
        String digits = labelled.group(1).replace(" ", "");
        if (Ico.isValid(digits)) {
          return Optional.of(digits);
        }
      }
    }
    return Optional.empty();
  }

  public static Optional<String> unlabelledCompanyId(String text) {
    if (text == null || labelledCompanyId(text).isPresent()) {
      return Optional.empty();
    }
    Matcher any = ANY_EIGHT_DIGITS.matcher(text);
    while (any.find()) {
      String before = text.substring(Math.max(0, any.start() - 30), any.start());
      if (Ico.isValid(any.group(1)) && !OTHER_NUMBER_CUE.matcher(before).find()) {
        return Optional.of(any.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * The signer's name and surname, without titles: after a closing formula ("S pozdravem", "Best regards,"),
   * after a "-- " signature mark, or on its own line at the end of the text; a line naming the same person as the
   * From display name wins. A signature with a department only names nobody.
   */
  public static Optional<String> signedName(String text) {
    return signedName(text, null);
  }

  public static Optional<String> signedName(String text, String displayName) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<String> requester = requesterName(text);
    if (requester.isPresent()) {
      return requester;
    }
    String[] lines = text.replace('\u00A0', ' ').split("\\R");
    Matcher introduced = SELF_INTRODUCTION.matcher(text.replace('\u00A0', ' '));
    if (introduced.find() && isPerson(introduced.group(1))) {
      return Optional.of(introduced.group(1).replaceAll("\\s+", " "));
    }
    String displayKey = displayName == null ? "" : NameKey.person(displayName);
    if (!displayKey.isEmpty()) {
      for (String line : lines) {
        Matcher person = PERSON.matcher(line);
        if (person.matches() && isPerson(person.group(1)) && NameKey.person(person.group(1)).equals(displayKey)) {
          return Optional.of(person.group(1));
        }
      }
    }
    for (int i = 0; i < lines.length; i++) {
      if (CLOSING.matcher(lines[i]).matches() || SIGNATURE_DASHES.matcher(lines[i]).matches()) {
        // the name may follow the closing on the same line: "Díky, Jan Novák"
        Optional<String> inline = inlineName(lines[i]);
        if (inline.isPresent()) {
          return inline;
        }
        for (int j = i + 1; j < Math.min(lines.length, i + 5); j++) {
          Matcher person = PERSON.matcher(lines[j]);
          if (person.matches() && isPerson(person.group(1))) {
            return Optional.of(person.group(1));
          }
          if (!lines[j].isBlank() && j > i + 2) {
            break;
          }
        }
      }
    }
    // no closing formula: the last short name line of the text, followed only by a signature block
    for (int i = lines.length - 1; i >= Math.max(0, lines.length - 10); i--) {
      Matcher person = PERSON.matcher(lines[i]);
      if (person.matches() && i > 0 && isPerson(person.group(1))) {
        return Optional.of(person.group(1));
      }
    }
    return Optional.empty();
  }

  /** The person a relayed helpdesk request names in its requester field ("Žadatel: Jan Novák"), if any. */
  static Optional<String> requesterName(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String flat = text.replace('\u00A0', ' ');
    for (Pattern field : List.of(REQUESTER, REQUESTER_BEFORE)) {
      Matcher requester = field.matcher(flat);
      while (requester.find()) {
        if (isPerson(requester.group(1))) {
          return Optional.of(requester.group(1).replaceAll("\\s+", " "));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> inlineName(String closing) {
    int comma = closing.indexOf(',');
    if (comma < 0) {
      return Optional.empty();
    }
    Matcher person = PERSON.matcher(closing.substring(comma + 1));
    return person.matches() && isPerson(person.group(1)) ? Optional.of(person.group(1)) : Optional.empty();
  }

  private static final Pattern TITLES_AROUND = Pattern.compile(
      "^(?:\\s*" + TITLE + ")+\\s*|\\s*,?\\s*(?:Ph\\.D\\.|CSc\\.|DiS\\.|MBA|LL\\.M\\.)\\s*$");

  /** A name as the desk keeps it: without academic titles ("Ing. Radek Šimánek, Ph.D." → "Radek Šimánek"). */
  public static String withoutTitles(String name) {
    if (name == null) {
      return null;
    }
    String previous;
    String stripped = name.strip();
    do {
      previous = stripped;
      stripped = TITLES_AROUND.matcher(stripped).replaceAll("").strip();
    } while (!stripped.equals(previous));
    return stripped.isEmpty() ? name.strip() : stripped;
  }

  /** A From display name that is a name and surname ("Jana Nováková", "Nováková Jana"), else empty. */
  public static Optional<String> displayName(String displayName) {
    if (displayName == null) {
      return Optional.empty();
    }
    String name = surnameInCapitalsLast(displayName.replace("\"", "").replace('\u00A0', ' ').strip());
    Matcher person = PERSON.matcher(name);
    return person.matches() && !name.contains(",") && isPerson(person.group(1)) ? Optional.of(person.group(1))
        : Optional.empty();
  }

  /** "NOVOTNÁ Petra", as registries and some address books write it: the word in capitals is the surname. */
  private static String surnameInCapitalsLast(String name) {
    String[] words = name.split("\\s+");
    if (words.length != 2) {
      return name;
    }
    boolean firstCaps = isCapitals(words[0]);
    boolean secondCaps = isCapitals(words[1]);
    if (firstCaps == secondCaps) {
      return name;
    }
    String surname = firstCaps ? words[0] : words[1];
    String given = firstCaps ? words[1] : words[0];
    return given + " " + surname.charAt(0) + surname.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isCapitals(String word) {
    return word.length() > 1 && word.chars().allMatch(Character::isLetter) && word.equals(word.toUpperCase(
        java.util.Locale.ROOT));
  }

  private static boolean isPerson(String name) {
    return java.util.Arrays.stream(NameKey.fold(name).split(" "))
        .noneMatch(word -> DEPARTMENTS.contains(word) || CLOSING_WORDS.contains(word));
  }

  /** A closing written on the line of a surname ("Díky Novotná") makes that line no name and surname. */
  private static final java.util.Set<String> CLOSING_WORDS = java.util.Set.of("diky", "dik", "dekuji", "dekuju",
      "zdravim", "thanks", "cheers", "regards", "pozdravem");
}
