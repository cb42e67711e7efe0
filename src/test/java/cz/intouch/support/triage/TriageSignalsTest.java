package cz.intouch.support.triage;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.triage.TriageSignals.Signals;
import org.junit.jupiter.api.Test;

/** The signals an experienced agent reads: substance, not tone; the main ask, not a side remark. */
class TriageSignalsTest {

  @Test
  void aPostscriptAboutAnIntegrationDoesNotMakeAConfigurationQuestionPaidWork() {
    Signals signals = TriageSignals.of("Přihlašování přes doménu", """
        Dobrý den,
        rádi bychom, aby se uživatelé do InTouche přihlašovali automaticky svým doménovým účtem.
        Kde se to v InTouchi nastavuje?
        Děkuji
        Alena Macháčková
        P.S. Výhledově bychom chtěli InTouch napojit na náš výrobní systém, ale to budeme řešit samostatně.
        """);
    assertThat(signals.mainAskPaidWork()).isNull();
    assertThat(signals.configurationQuestion()).isTrue();
    assertThat(signals.faultReported()).isFalse();
  }

  @Test
  void aConditionalAsideAboutPaidCustomisationIsNotTheMainAsk() {
    Signals signals = TriageSignals.of("Vlastní pole u spisu", "Prosím o radu, kde se nastavuje vlastní pole na kartě"
        + " spisu. (Kdyby to nešlo nastavit, klidně si to u vás objednáme jako placenou úpravu.)");
    assertThat(signals.mainAskPaidWork()).isNull();
    assertThat(signals.howToQuestion()).isTrue();
  }

  @Test
  void theMainAskDecidesThePaidWorkCategory() {
    assertThat(TriageSignals.of("Prosba o výjezd technika", "Potřebovali bychom, aby k nám váš technik přijel a"
        + " přímo na místě zkontroloval nastavení. Sdělte mi prosím, kolik by výjezd stál.").mainAskPaidWork())
        .isEqualTo("ON_SITE");
    assertThat(TriageSignals.of("upgrade na 5.4", "mame porad 4.8.3 a chteli bychom prejit na 5.4. Neslo by, abyste"
        + " nam to nainstalovali vy?").mainAskPaidWork()).isEqualTo("INSTALLATION");
    assertThat(TriageSignals.of("Napojení Shoptetu", "Šlo by od vás objednat napojení, aby se objednávky zakládaly"
        + " v InTouch? Pošlete prosím nabídku.").mainAskPaidWork()).isEqualTo("PROGRAMMING");
    assertThat(TriageSignals.of("Moving the server", "Could your company move the server to the new office with a"
        + " van? We will pay, please send a price.").mainAskPaidWork()).isEqualTo("TRANSPORT");
  }

  @Test
  void anUpgradeTheCustomerDidThemselvesIsNoInstallationRequest() {
    Signals signals = TriageSignals.of("Neukládají se nabídky", "Od aktualizace na 5.4.0 se nám neukládají nabídky,"
        + " všechna pole jsou prázdná. Týká se to všech v kanceláři.");
    assertThat(signals.mainAskPaidWork()).isNull();
    assertThat(signals.dataLost()).isTrue();
  }

  @Test
  void aForgottenPasswordIsAHowToEvenUnderAnAlarmedSubject() {
    Signals signals = TriageSignals.of("HESLO!!! NEMŮŽU SE PŘIHLÁSIT", "zapomel jsem heslo do intouch a nemuzu se"
        + " prihlasit. jde to nejak resetovat?");
    assertThat(signals.faultReported()).isFalse();
    assertThat(signals.howToQuestion()).isTrue();
  }

  @Test
  void anErrorDialogWhileTheDataIsSavedIsCosmetic() {
    Signals signals = TriageSignals.of("Chybové hlášení při uložení", "Při uložení vyskočí hláška Object reference"
        + " not set. Po kliknutí na OK se nabídka normálně uloží a vše je v pořádku.");
    assertThat(signals.cosmeticOnly()).isTrue();
    assertThat(signals.dataLost()).isFalse();
  }

  @Test
  void aDownplayedReportWhereEveryoneLosesWorkIsNotCosmetic() {
    Signals signals = TriageSignals.of("zakázkové listy", "jen tak mimochodem, od pondělí nám v dílně nikdo nemůže"
        + " uložit zakázkový list. Zakázky teď píšeme ručně na papír… nic hrozného, nespěchá to.");
    assertThat(signals.cosmeticOnly()).isFalse();
    assertThat(signals.operationsStopped()).isTrue();
    assertThat(signals.everyoneAffected()).isTrue();
  }

  @Test
  void englishIsReadAsWellAsCzech() {
    Signals howTo = TriageSignals.of("Question - English user interface", "Is it possible to switch the user"
        + " interface to English? I found the language setting in my profile.");
    assertThat(howTo.faultReported()).isFalse();
    assertThat(howTo.howToQuestion()).isTrue();
    Signals fault = TriageSignals.of("Attendance export freezes", "When I export the attendance sheet, the program"
        + " freezes for 3-5 minutes before the file appears. It does eventually work.");
    assertThat(fault.faultReported()).isTrue();
    assertThat(fault.slowOnly()).isTrue();
  }

  @Test
  void textWithoutDiacriticsGivesTheSameSignals() {
    assertThat(TriageSignals.of("Nikdo se nemůže přihlásit", "Obchod stojí."))
        .isEqualTo(TriageSignals.of("Nikdo se nemuze prihlasit", "Obchod stoji."));
  }
}
