package cz.intouch.support.ticket;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Fitting what customers send into columns and variables of fixed size, and comparing words as Czech readers do. */
public final class Texts {

  /**
   * Longest text kept in a String process variable or decision input: Camunda stores at most 4000 characters,
   * the rest of a long text stays in the ticket's messages.
   */
  public static final int VARIABLE_LIMIT = 3900;

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private Texts() {}

  public static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** Lower case without diacritics ("Účetní" → "ucetni"): customers write Czech with and without them. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    return COMBINING_MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
        .replaceAll("");
  }
}
