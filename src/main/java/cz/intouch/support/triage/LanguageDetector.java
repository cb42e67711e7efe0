package cz.intouch.support.triage;

import java.util.Set;

/**
 * Cheap language guess for support requests: "cs", "sk", "en" or "und".
 *
 * <p>Scores function words (after folding, so Czech typed without diacritics still scores) and
 * letters that only one language uses (ě ř ů for Czech; ľ ĺ ŕ ô ä for Slovak). Support is
 * Czech-only, so Czech wins ties, wins whenever it has at least half the score of a foreign
 * language (a Czech mail quoting an English error message), and is the answer for short texts.
 */
public final class LanguageDetector {

  /** Below this many words the statistics mean nothing: assume Czech. */
  private static final int MIN_WORDS = 4;
  /** A foreign language must reach this score to beat the Czech default. */
  private static final double MIN_FOREIGN_SCORE = 3.0;

  private static final Set<String> CZECH_ONLY =
      Set.of(
          "se", "jsem", "jsme", "jste", "jsou", "ze", "ktery", "ktera", "ktere", "kteri", "nebo",
          "taky", "take", "jeste", "jen", "pouze", "proc", "protoze", "kdyz", "mame", "muzete",
          "muzu", "mohu", "nemuzu", "nemohu", "dekuji", "dekuju", "dekujeme", "diky", "prosim",
          "pozdravem", "byste", "bych", "mi", "mne", "nam", "vam", "nas", "vas", "neni", "nejde",
          "jak", "kde", "co", "uz", "tady", "zde", "toto", "tento", "tato", "tyto", "pri",
          "budu", "bude", "chci", "potrebuji", "potrebujeme", "vubec", "vsechno", "nic", "nikdo",
          "ted", "pak", "jiz", "vsak", "ale", "aby", "den", "dobry");
  private static final Set<String> SLOVAK_ONLY =
      Set.of(
          "sa", "som", "sme", "ste", "su", "ako", "alebo", "ked", "aj", "este", "tiez", "iba",
          "pre", "preco", "lebo", "ktory", "ktora", "ktore", "dakujem", "dakujeme", "vdaka",
          "pozdravom", "mozete", "mozem", "nemozem", "nie", "nieco", "niekto", "vsetko", "teraz",
          "uz", "moze", "potrebujem", "chcem", "nam", "vam", "ale", "aby", "dobry", "den", "prosim",
          "nejde", "pri", "bude", "toto", "tento", "tato");
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "and", "is", "are", "of", "in", "it", "for", "not", "we", "you", "i", "please",
          "with", "this", "that", "have", "has", "can", "cannot", "when", "on", "be", "our", "my",
          "thanks", "thank", "hello", "dear", "would", "could", "does", "do", "an", "there", "what",
          "how", "why", "from", "after", "it's", "doesn't", "regards", "your", "was", "will");
  private static final Set<String> GERMAN =
      Set.of(
          "der", "die", "das", "und", "ist", "nicht", "ich", "wir", "sie", "mit", "bitte", "ein",
          "eine", "danke", "fur", "auf", "zu", "von", "es", "haben", "kann", "wenn", "den", "dem",
          "geehrte", "grussen", "freundlichen", "leider", "funktioniert", "wie", "unser", "unsere");

  private LanguageDetector() {}

  public static String detect(String subject, String body) {
    String raw = ((subject == null ? "" : subject) + "\n" + RequestText.newText(body));
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    String[] words = RequestText.fold(lower).split("[^\\p{L}']+");
    int wordCount = 0;
    double cs = 0;
    double sk = 0;
    double en = 0;
    double de = 0;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      wordCount++;
      cs += CZECH_ONLY.contains(w) ? 1 : 0;
      sk += SLOVAK_ONLY.contains(w) ? 1 : 0;
      en += ENGLISH.contains(w) ? 1 : 0;
      de += GERMAN.contains(w) ? 1 : 0;
    }
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ("ěřů".indexOf(c) >= 0) {
        cs += 2;
      } else if ("ľĺŕô".indexOf(c) >= 0) {
        sk += 2;
      } else if (c == 'ä') {
        sk += 1;
        de += 1;
      } else if ("öüß".indexOf(c) >= 0) {
        de += 2;
      } else if ("šžčýáíéúňťď".indexOf(c) >= 0) {
        cs += 0.25;
        sk += 0.25;
      }
    }
    if (wordCount < MIN_WORDS) {
      return "cs";
    }
    double foreign = Math.max(en, de);
    if (sk > cs && sk >= foreign && sk >= MIN_FOREIGN_SCORE) {
      return "sk";
    }
    if (foreign >= MIN_FOREIGN_SCORE && cs * 2 < foreign) {
      return en >= de ? "en" : "und";
    }
    if (cs == 0 && sk == 0) {
      return "und";
    }
    return cs >= sk ? "cs" : "sk";
  }
}
