package cz.intouch.support.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  @Test
  void czechWithDiacritics() {
    assertThat(LanguageDetector.detect("Nejde export do Excelu",
        "Dobrý den,\npři exportu obchodních případů do Excelu se nic nestane. Používáme verzi 5.3.2.\nDěkuji"))
        .isEqualTo("cs");
  }

  @Test
  void czechWithoutDiacritics() {
    assertThat(LanguageDetector.detect("nejde se prihlasit",
        "dobry den, od rana se nemuzu prihlasit do programu, pise to ze je spatne heslo ale to mam dobre. diky Petr"))
        .isEqualTo("cs");
  }

  @Test
  void english() {
    assertThat(LanguageDetector.detect("Export problem",
        "Hello, we cannot export the contacts to Excel. The button does nothing when I click it. Please help us, thank you."))
        .isEqualTo("en");
  }

  @Test
  void slovak() {
    assertThat(LanguageDetector.detect("Problém s tlačou",
        "Dobrý deň, keď chcem vytlačiť zostavu, program sa zasekne. Neviem, čo s tým mám robiť, môžete mi poradiť? Ďakujem, Ľubica"))
        .isEqualTo("sk");
  }

  @Test
  void germanIsUndetermined() {
    assertThat(LanguageDetector.detect("Frage zum Export",
        "Sehr geehrte Damen und Herren, leider funktioniert der Export nach Excel nicht. Können Sie uns bitte helfen? Mit freundlichen Grüßen"))
        .isEqualTo("und");
  }

  @Test
  void czechQuotingAnEnglishErrorMessageIsCzech() {
    assertThat(LanguageDetector.detect("Chyba při synchronizaci",
        "Dobrý den, při synchronizaci s Outlookem vyskočí hláška \"The operation could not be completed because the object is not "
            + "available in the store. Please try again later.\" a kontakty se nepřenesou. Můžete se na to podívat? Děkuji"))
        .isEqualTo("cs");
  }

  @Test
  void shortTextDefaultsToCzech() {
    assertThat(LanguageDetector.detect("help", "export")).isEqualTo("cs");
    assertThat(LanguageDetector.detect(null, null)).isEqualTo("cs");
  }
}
