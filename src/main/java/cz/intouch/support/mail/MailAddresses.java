package cz.intouch.support.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one form in which the desk keeps a customer's address: bare {@code local@domain}, lower case. Anything with
 * a display name, brackets, whitespace or control characters left in it is no address: such text in a header we
 * write would let a crafted mail add recipients or headers.
 */
public final class MailAddresses {

  /** Column size of every stored address (RFC 5321's 64 + 1 + 255). */
  public static final int MAX_LENGTH = 320;

  private static final Pattern BARE = Pattern.compile(
      "[^\\s\\p{Cntrl}<>()\\[\\],;:\\\\\"@]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
          + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

  private MailAddresses() {}

  /** The address in its stored form, or empty when the text is not exactly one bare address. */
  public static Optional<String> bare(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String candidate = text.strip();
    return candidate.length() <= MAX_LENGTH && BARE.matcher(candidate).matches()
        ? Optional.of(candidate.toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** Header text as an agent may safely see it: control characters (line breaks) made visible, length capped. */
  static String printable(String text, int maxLength) {
    StringBuilder printable = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == '\r') {
        printable.append("\\r");
      } else if (c == '\n') {
        printable.append("\\n");
      } else if (Character.isISOControl(c)) {
        printable.append(' ');
      } else {
        printable.appendCodePoint(c);
      }
    });
    return printable.length() > maxLength ? printable.substring(0, maxLength) + "…" : printable.toString();
  }
}
