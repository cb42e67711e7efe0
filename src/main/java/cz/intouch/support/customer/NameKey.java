package cz.intouch.support.customer;

import cz.intouch.support.ticket.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for matching names as people type them: case, diacritics, punctuation and spacing do not count,
 * nor does a company's legal form ("Hořice s.r.o." = "HORICE"), nor the order of a person's names or their
 * academic titles ("Ing. Jan Novák" = "novák jan"). Stored in the name_key columns, so change it only together
 * with a migration that recomputes them.
 */
public final class NameKey {

  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Legal forms with their letters run together, so "s.r.o.", "s. r. o.", "sro" and "spol. s r.o." all match
   * whatever the spacing and dots were.
   */
  private static final Set<String> LEGAL_FORMS =
      Set.of("spolsro", "sro", "as", "vos", "ks", "zs", "ops", "sp", "se", "zu");

  private static final Set<String> TITLES = Set.of("ing", "mgr", "bc", "bca", "mga", "phdr", "mudr", "mvdr",
      "judr", "rndr", "paeddr", "thdr", "doc", "prof", "csc", "drsc", "phd", "dis", "mba", "llm", "dr", "arch");

  private NameKey() {}

  /** The lookup key of a company name: folded, without the legal form. */
  public static String of(String companyName) {
    List<String> words = new ArrayList<>(words(companyName));
    boolean stripped;
    do {
      stripped = stripLegalForm(words);
    } while (stripped);
    return String.join(" ", words);
  }

  /** The lookup key of a person's name: folded, without titles, name words in alphabetical order. */
  public static String person(String fullName) {
    List<String> words = new ArrayList<>(words(fullName));
    // "Ph.D." folds to two words
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals("ph") && words.get(i + 1).equals("d")) {
        words.remove(i + 1);
        words.set(i, "phd");
      }
    }
    words.removeIf(TITLES::contains);
    words.sort(null);
    return String.join(" ", words);
  }

  /** Lower case, no diacritics, every run of punctuation or spacing one space. */
  /**
   * How people shorten a Czech organisation's kind when they write its name in a mail: "CK" for a travel agency,
   * the office ("Obecní úřad", "OÚ", "Městský úřad", "MěÚ") for the municipality. Applied to a folded name and a
   * folded text alike when a name is looked for in free text; the stored keys stay as they are.
   */
  private static final List<String[]> ORGANISATION_KINDS = List.of(
      new String[] {"\\bcestovni kancelar\\b", "ck"},
      new String[] {"\\b(obecni urad|ou)\\b", "obec"},
      new String[] {"\\b(mestsky urad|meu)\\b", "mesto"},
      new String[] {"\\b(zakladni skola)\\b", "zs"},
      new String[] {"\\b(materska skola)\\b", "ms"},
      // a school's or hospital's legal form, left out when people name their organisation in a sentence
      new String[] {"\\s*\\bprispevkova organizace\\b", ""});

  /** A folded text or name with the organisation kinds in one spelling (see {@link #ORGANISATION_KINDS}). */
  static String withOrganisationKindsAlike(String folded) {
    String text = folded;
    for (String[] kind : ORGANISATION_KINDS) {
      text = text.replaceAll(kind[0], kind[1]);
    }
    return text;
  }

  public static String fold(String text) {
    return String.join(" ", words(text));
  }

  private static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    String letters = NOT_LETTER_OR_DIGIT.matcher(Texts.fold(text)).replaceAll(" ");
    return Arrays.stream(letters.trim().split(" ")).filter(w -> !w.isEmpty()).toList();
  }

  /** Removes a trailing legal form of one to four words, keeping at least one word of the name. */
  private static boolean stripLegalForm(List<String> words) {
    for (int length = Math.min(4, words.size() - 1); length >= 1; length--) {
      String tail = String.join("", words.subList(words.size() - length, words.size()));
      if (LEGAL_FORMS.contains(tail)) {
        words.subList(words.size() - length, words.size()).clear();
        return true;
      }
    }
    return false;
  }
}
