package cz.intouch.support.ticket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket number {@code TS-YYYY-NNNNNN} (year of receipt in Prague, six-digit sequence): the business key of the
 * ticket's process instance and the tag {@code [TS-…]} in the subject of every mail about it.
 */
public record TicketNumber(String value) {

  /** The format, for places that need it as a constant (request mappings). */
  public static final String REGEX = "TS-\\d{4}-\\d{6}";

  private static final Pattern PATTERN = Pattern.compile(REGEX);
  private static final Pattern TAG = Pattern.compile("\\[(" + REGEX + ")]");

  public TicketNumber {
    if (!isValid(value)) {
      throw new IllegalArgumentException("Not a ticket number: " + value);
    }
  }

  public static TicketNumber of(int year, int sequence) {
    if (sequence < 1 || sequence > 999_999) {
      throw new IllegalStateException("Ticket counter for " + year + " exhausted");
    }
    return new TicketNumber(String.format("TS-%04d-%06d", year, sequence));
  }

  public static boolean isValid(String text) {
    return text != null && PATTERN.matcher(text).matches();
  }

  /** Whether the text mentions a ticket number anywhere. */
  public static boolean mentionedIn(CharSequence text) {
    return text != null && PATTERN.matcher(text).find();
  }

  /** The ticket of a mail whose subject carries the tag {@code [TS-…]}. */
  public static Optional<TicketNumber> taggedIn(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher tag = TAG.matcher(subject);
    return tag.find() ? Optional.of(new TicketNumber(tag.group(1))) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
