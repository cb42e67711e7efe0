package cz.intouch.support.customer;

import java.util.regex.Pattern;

/**
 * IČO, the Czech 8-digit company identification number. The last digit is a mod-11 check digit over the first
 * seven (weights 8..2): remainder 0 gives 1, remainder 1 gives 0, otherwise 11 minus the remainder.
 */
public record Ico(String value) {

  /** "IČO: 25596641", "IČ 255 96 641", "ico:25596641": the label customers tend to write in front. */
  private static final Pattern LABEL = Pattern.compile("^\\s*(IČO|IČ|ICO|IC)\\s*:?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
  private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

  public Ico {
    if (value == null || !EIGHT_DIGITS.matcher(value).matches() || !checkDigitMatches(value)) {
      throw new IllegalArgumentException("Neplatné IČO " + value + ".");
    }
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException invalid) {
      return false;
    }
  }

  /**
   * Reads an IČO as people write it: spaces anywhere and an "IČO:" label are fine; the digits must be exactly
   * eight (a 7-digit number is not padded: the registry always prints all eight).
   *
   * @throws IllegalArgumentException with a Czech message saying what is wrong
   */
  public static Ico parse(String text) {
    String digits = text == null ? "" : WHITESPACE.matcher(LABEL.matcher(text).replaceFirst("")).replaceAll("");
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("Chybí IČO.");
    }
    if (!EIGHT_DIGITS.matcher(digits).matches()) {
      throw new IllegalArgumentException("Neplatné IČO " + digits + " (musí mít přesně 8 číslic)");
    }
    if (!checkDigitMatches(digits)) {
      throw new IllegalArgumentException("Neplatné IČO " + digits + " (kontrolní číslice)");
    }
    return new Ico(digits);
  }

  static int checkDigit(String firstSeven) {
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      sum += (firstSeven.charAt(i) - '0') * (8 - i);
    }
    int remainder = sum % 11;
    return remainder == 0 ? 1 : remainder == 1 ? 0 : 11 - remainder;
  }

  private static boolean checkDigitMatches(String eightDigits) {
    return checkDigit(eightDigits.substring(0, 7)) == eightDigits.charAt(7) - '0';
  }

  @Override
  public String toString() {
    return value;
  }
}
