package cz.intouch.support.identification;

import cz.intouch.support.customer.Ico;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a customer's free text tells about who writes and which program version they use. */
public final class RequestClues {

  // "verze 5.3.2", "v. 4.8.1 build 2210", "InTouch 5.2", "ver. 5.1", "version 5.0.3"
  private static final Pattern VERSION = Pattern.compile(
      "(?iu)(?:\\bverz[eíiu]\\w*|\\bver\\.?|\\bv\\.|\\bversion|\\bintouch(?:\\s+crm)?(?:\\s+enterprise)?)\\s*:?\\s*"
          + "(\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,4})?)(?:\\s*\\(?\\s*(?:build|sestavení)\\s*(\\d+)\\)?)?");
  private static final Pattern ICO = Pattern.compile("(?iu)\\bI[ČC]O?\\s*[:.]?\\s*((?:\\d\\s?){7}\\d)\\b");
  private static final Pattern ANY_EIGHT_DIGITS = Pattern.compile("(?<![\\d.])(\\d{8})(?![\\d.])");
  private static final Pattern CLOSING = Pattern.compile(
      "(?iu)^\\s*(s\\s+pozdravem|se\\s+srde[čc]n[ýy]m\\s+pozdravem|d[ěe]kuji|d[íi]ky|zdrav[íi]m|s\\s+p[řr][áa]n[íi]m)[^\\n]*$");
  private static final Pattern PERSON = Pattern.compile(
      "^\\s*((?:Ing\\.|Mgr\\.|Bc\\.|MUDr\\.|JUDr\\.|PhDr\\.|RNDr\\.|Ph\\.D\\.)\\s+)*"
          + "(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)\\s*(?:,.*)?$");

  private RequestClues() {}

  /** The program version the text names, e.g. "5.3.2" or "4.8.1 build 2210". */
  public static Optional<String> programVersion(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = VERSION.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String version = matcher.group(1);
    return Optional.of(matcher.group(2) == null ? version : version + " build " + matcher.group(2));
  }

  /** A company ID with a valid check digit: after "IČO" first, else any 8-digit number that is a valid IČO. */
  public static Optional<String> companyId(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher labelled = ICO.matcher(text);
    while (labelled.find()) {
      String digits = labelled.group(1).replace(" ", "");
      if (Ico.isValid(digits)) {
        return Optional.of(digits);
      }
    }
    Matcher any = ANY_EIGHT_DIGITS.matcher(text);
    while (any.find()) {
      if (Ico.isValid(any.group(1))) {
        return Optional.of(any.group(1));
      }
    }
    return Optional.empty();
  }

  /** The signer's name: the first "Firstname Surname" line after a closing formula such as "S pozdravem". */
  public static Optional<String> signedName(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (CLOSING.matcher(lines[i]).matches()) {
        for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
          Matcher person = PERSON.matcher(lines[j]);
          if (person.matches()) {
            return Optional.of(person.group(2));
          }
          if (!lines[j].isBlank()) {
            break;
          }
        }
      }
    }
    return Optional.empty();
  }
}
