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
  void aLockedAccountWithAQuestionHowToUnlockItIsAHowTo() {
    Signals asked = TriageSignals.of("Uzamčený účet", "Po třech špatných pokusech mi systém zablokoval účet a nemohu"
        + " se přihlásit. Jak se dá účet odemknout, když správce není k zastižení?");
    assertThat(asked.faultReported()).isFalse();
    assertThat(asked.howToQuestion()).isTrue();
    Signals slovak = TriageSignals.of("Zamknuty ucet", "Ucet je docasne uzamceny a neviem sa prihlasit. Ako sa da"
        + " odomknut?");
    assertThat(slovak.faultReported()).isFalse();
    Signals english = TriageSignals.of("Locked out", "My account is locked after the password change and I cannot"
        + " log in. How can I unlock it?");
    assertThat(english.faultReported()).isFalse();
    assertThat(english.howToQuestion()).isTrue();
    // reported without a question it stays what it is: the customer cannot work
    assertThat(TriageSignals.of("Zablokovaný účet", "Zablokoval se mi účet, nemohu se přihlásit a nemám přístup"
        + " k ničemu.").faultReported()).isTrue();
  }

  @Test
  void englishContractionsAreWholeWordsAndDisclaimersAreNoFault() {
    assertThat(TriageSignals.of("Where to set the sync filter", "Where can we set the LDAP search base? My"
        + " colleague in Brno can take the call if needed.").faultReported()).isFalse();
    assertThat(TriageSignals.of("Sync", "The sync can t reach the server.").faultReported()).isTrue();
    assertThat(TriageSignals.of("Kde se nastavuje šablona", "Kde se nastavuje šablona nabídky?\nTato zpráva"
        + " nepředstavuje návrh na uzavření smlouvy.").faultReported()).isFalse();
  }

  @Test
  void programmingWorkIsAlsoAskedForAsDoprogramovani() {
    assertThat(TriageSignals.of("Poptávka", "Rádi bychom u vás poptali doprogramování exportu faktur do našeho"
        + " účetního systému. Pošlete prosím nabídku.").mainAskPaidWork()).isEqualTo("PROGRAMMING");
    // asking whether it works without programming asks how to use the program
    assertThat(TriageSignals.of("Povinné pole", "Dá se to nastavit nějak bez programování?").mainAskPaidWork())
        .isNull();
  }

  @Test
  void nobodyBeingAbleToLogInStopsWorkEvenWhenDownplayedAndWrittenDownMeanwhile() {
    Signals signals = TriageSignals.of("Spíš dotaz", "Mám spíš dotaz na okraj: od rána se do InTouch nemůže"
        + " přihlásit nikdo z obchodního oddělení. Zatím to řešíme tak, že objednávky zapisujeme do tabulky.");
    assertThat(signals.operationsStopped()).isTrue();
    assertThat(TriageSignals.of("login", "nikdo se nemuze prihlasit, zatim pisem do sesitu").operationsStopped())
        .isTrue();
    assertThat(TriageSignals.of("Login", "Since this morning no one can log in to InTouch.").operationsStopped())
        .isTrue();
  }

  @Test
  void aFaultTheOtherUsersDoNotHaveIsLimitedToOneUserOrAccount() {
    assertThat(TriageSignals.of("API 401", "Our integration account gets 401 errors now and then. Users working in"
        + " the browser are not affected.").oneUser()).isTrue();
    assertThat(TriageSignals.of("Tisk", "Kolegovi nejde tisknout faktury, ostatní uživatelé to mají v pořádku a"
        + " ostatním to funguje.").oneUser()).isTrue();
    assertThat(TriageSignals.of("Tisk", "Nejde tisknout faktury.").oneUser()).isFalse();
  }

  @Test
  void aFaultThatGoesAwayOnRefreshHasAWorkaround() {
    assertThat(TriageSignals.of("Nástěnka se neobnovuje", "Widgety na nástěnce ukazují stará data, aktuální se"
        + " zobrazí až po stisknutí F5.").workaroundExists()).isTrue();
    assertThat(TriageSignals.of("Nastenka sa neobnovuje", "Udaje sa zobrazia az po stlaceni F5.")
        .workaroundExists()).isTrue();
    assertThat(TriageSignals.of("Dashboard", "The widgets show old figures, after a refresh they are right.")
        .workaroundExists()).isTrue();
    assertThat(TriageSignals.of("Nástěnka", "Widgety na nástěnce ukazují stará data.").workaroundExists()).isFalse();
  }

  @Test
  void aTooltipOrAMinorIssueIsCosmetic() {
    assertThat(TriageSignals.of("Broken characters", "A minor issue: the tooltip of the Surname field shows broken"
        + " characters.").cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("Nápověda", "Bublinková nápověda u tlačítka Uložit je anglicky.").cosmeticOnly())
        .isTrue();
    assertThat(TriageSignals.of("Odkaz", "Odkaz na detail zakázky vede na špatnou stránku.").cosmeticOnly()).isFalse();
  }

  @Test
  void aCustomerContentWithAFixInTheNextReleaseReportsABlemish() {
    assertThat(TriageSignals.of("URGENTNÍ chyba v menu", "URGENTNĚ prosím o opravu: v menu je položka Faktůry."
        + " Jinak vše funguje, nebo to bude až v další verzi?").cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("Label", "The Save button says Svae. Please fix it in the next release.")
        .cosmeticOnly()).isTrue();
    // a release fix that would come too late for lost work is no blemish
    assertThat(TriageSignals.of("Nabídky", "Neukládají se nabídky. Opravíte to v příští verzi?").cosmeticOnly())
        .isFalse();
  }

  @Test
  void anEmptySquareInsteadOfAnIconIsNoLostData() {
    assertThat(TriageSignals.of("Chybí ikona", "U tlačítka Tisk je místo ikony jen prázdný čtvereček, tlačítko"
        + " funguje.").cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("Ikona", "Po uložení je karta prázdná, u ikony nic.").cosmeticOnly()).isFalse();
  }

  @Test
  void aSubjectsParenthesisNamesTheOccasionNotTheAsk() {
    Signals signals = TriageSignals.of("Export historie kontaktu (žádost dle GDPR)", "Dobrý den, potřebujeme"
        + " vyhovět žádosti občana. Kde se zapíná logování zobrazení záznamu a jak historii kontaktu vyexportovat"
        + " do CSV?");
    assertThat(signals.mainAskPaidWork()).isNull();
    assertThat(signals.paidWorkAside()).isTrue();
    // a parenthesis that orders the work still does
    assertThat(TriageSignals.of("Workflow pro sklad (objednávka vývoje)", "Potřebujeme, aby se při výhře"
        + " obchodního případu založil úkol pro sklad.").mainAskPaidWork()).isEqualTo("PROGRAMMING");
  }

  @Test
  void textWithoutDiacriticsGivesTheSameSignals() {
    assertThat(TriageSignals.of("Nikdo se nemůže přihlásit", "Obchod stojí."))
        .isEqualTo(TriageSignals.of("Nikdo se nemuze prihlasit", "Obchod stoji."));
  }

  @Test
  void aFewUsersOrDevicesOfManyIsALimitedFault() {
    assertThat(TriageSignals.of("Doplněk pro Outlook", "Asi u 10 z 60 uživatelů doplněk hlásí chybu certifikátu,"
        + " ostatní uživatelé jsou v pořádku.").oneUser()).isTrue();
    assertThat(TriageSignals.of("Tisk štítků", "Na dvou ze šesti terminálů v expedici nejde tisk štítků, na"
        + " ostatních ano.").oneUser()).isTrue();
    assertThat(TriageSignals.of("Add-in not syncing", "Three users cannot file e-mails. All other users (approx."
        + " 55) are fine.").oneUser()).isTrue();
    assertThat(TriageSignals.of("Nejde tisk", "Nikomu nejde tisk faktur.").oneUser()).isFalse();
  }

  @Test
  void anotherWayThatWorksIsAWorkaround() {
    assertThat(TriageSignals.of("Mobilní aplikace", "Aplikace se nepřihlásí, přes web v notebooku se přihlásím"
        + " normálně.").workaroundExists()).isTrue();
    assertThat(TriageSignals.of("Export", "Export do XLSX končí timeoutem, export do CSV funguje.")
        .workaroundExists()).isTrue();
    assertThat(TriageSignals.of("Umlauts", "Umlauts arrive broken; we can work around it by writing ue.")
        .workaroundExists()).isTrue();
  }

  @Test
  void anErrorWhileTheDataAreSavedABlurAndATypoAreCosmetic() {
    assertThat(TriageSignals.of("Chybové okno", "Vyskočí chybové okno, po OK se zavře a data jsou prokazatelně"
        + " uložena.").cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("Date picker", "Month names are in Czech; the dates themselves are saved"
        + " correctly, it is only the labels.").cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("Logo v PDF", "Logo v hlavičce je rozmazané, v tisku na papír je ostré.")
        .cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("URGENTNÍ chyba", "Na listu je napsáno zakázkový lits místo zakázkový list.")
        .cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("Nejde uložit", "Objednávky teď píšeme na papír.").operationsStopped()).isTrue();
  }

  @Test
  void wordsOfTheCustomersOwnBusinessAreNoPaidWork() {
    // a logistics customer's transport orders, a CRM's visit planning, a trend in the data, "we may" (smíme)
    assertThat(TriageSignals.of("Nelze uložit", "V CRM nejde uložit žádná objednávka přepravy, prosím o pomoc.")
        .mainAskPaidWork()).isNull();
    assertThat(TriageSignals.of("Školení", "Nastupují k nám nové kolegyně, mohli byste je zaškolit na plánování"
        + " návštěv?").mainAskPaidWork()).isEqualTo("CONSULTING");
    assertThat(TriageSignals.of("Analýza", "Mohli byste nám z dat v CRM udělat analýzu, jaký je vývoj podle"
        + " regionů?").mainAskPaidWork()).isEqualTo("ANALYSIS");
    assertThat(TriageSignals.of("API vrací 500", "Nevíme, jestli smíme log zmenšit sami – prosíme o pokyn.")
        .mainAskPaidWork()).isNull();
    assertThat(TriageSignals.of("Po upgradu nenastartuje služba, migrace DB selhala", "Nikdo se nepřihlásí.")
        .mainAskPaidWork()).isNull();
  }

  @Test
  void driversWaitingAtTheRampAndEveryStationLoggedOutAreNoSmallThing() {
    assertThat(TriageSignals.of("Dispečink nejde", "Nikomu se nenačte modul, řidiči stojí na rampě a nevíme, komu co"
        + " naložit.").operationsStopped()).isTrue();
    Signals logout = TriageSignals.of("Odhlašování – nic urgentního", "Jen drobnost: klient se na všech stanicích"
        + " sám odhlásí zhruba po 20 minutách.");
    assertThat(logout.cosmeticOnly()).isFalse();
    assertThat(logout.everyoneAffected()).isTrue();
  }

  @Test
  void unsavedWorkVanishingForEveryoneIsDataLostHoweverCalmlyWritten() {
    Signals signals = TriageSignals.of("Odhlašování – asi drobnost", "Program se po 15 minutách sám odhlásí a všechno,"
        + " co měl člověk rozepsané a neuložené, zmizí. Týká se to nás všech v kanceláři. Kolegyně přišla o celý záznam.");
    assertThat(signals.dataLost()).isTrue();
    assertThat(signals.everyoneAffected()).isTrue();
  }

  @Test
  void anErrorDialogAfterWhichTheRecordIsSavedIsCosmetic() {
    assertThat(TriageSignals.of("Hlášení 1045", "Při ukládání karty se objeví hlášení „Objekt nelze uložit (kód 1045)“."
        + " Po kliknutí na OK se okno zavře a karta je normálně uložená, všechny údaje tam jsou.").cosmeticOnly())
        .isTrue();
    // duplicated meetings lose nothing, but they are not a blemish
    assertThat(TriageSignals.of("Zdvojené schůzky", "Synchronizace zdvojuje schůzky, mažu je ručně, nic se neztrácí.")
        .cosmeticOnly()).isFalse();
  }

  @Test
  void searchingByHandWhileWorkGoesOnIsAWorkaround() {
    assertThat(TriageSignals.of("Filtr nejde", "Filtr podle data nefunguje, dispečeři musí hledat ručně, ale pracovat"
        + " se dá.").workaroundExists()).isTrue();
  }

  @Test
  void movingTheProgramToANewServerForThemIsInstallation() {
    assertThat(TriageSignals.of("Přenos na nový server", "Potřebovali bychom, abyste nám InTouch přenesli na nový stroj"
        + " včetně databáze. Můžete nám poslat cenovou nabídku?").mainAskPaidWork()).isEqualTo("INSTALLATION");
  }

  @Test
  void whereToDownloadAGuideIsAHowToQuestionInEnglish() {
    assertThat(TriageSignals.of("Upgrade guide", "Where exactly on your extranet can we download the upgrade guide?")
        .howToQuestion()).isTrue();
  }

  @Test
  void anErrorDialogAfterWhichTheRecordTurnsOutSavedIsCosmeticInCzechAndEnglish() {
    assertThat(TriageSignals.of("Hláška \"Nepodařilo se uložit\" u nabídek", "Když uložím změnu v nabídce, vyskočí"
        + " hláška \"Nepodařilo se uložit záznam\". Když ale nabídku zavřu a znovu otevřu, změny tam jsou. Pracovat"
        + " se dá, jen to lidi zbytečně straší.").cosmeticOnly()).isTrue();
    assertThat(TriageSignals.of("Error popup when saving contacts", "Users get an error dialog every time they save"
        + " a contact. After clicking OK the contact is saved correctly, so it's just an annoying popup, nothing is"
        + " lost.").cosmeticOnly()).isTrue();
  }

  @Test
  void unsavedWorkGoneAfterALogoutIsDataLostHoweverCalmlyWritten() {
    Signals signals = TriageSignals.of("drobný dotaz k odhlašování", "asi nic hrozného, ale radši se zeptám. InTouch"
        + " nás odhlašuje po pěti minutách. Po novém přihlášení je všechno, co kdo měl rozepsané (nabídky, poznámky),"
        + " pryč – nic se neuloží ani jako koncept. Týká se to všech kolegů.");
    assertThat(signals.dataLost()).isTrue();
    assertThat(signals.cosmeticOnly()).isFalse();
  }

  @Test
  void aForwardedWishForANewFeatureFedFromAnotherServiceIsProgramming() {
    assertThat(TriageSignals.of("Fwd: potvrzení o daru", "Přeposílám požadavek kolegyně. Dokázali byste nám to"
        + " udělat a kolik by to stálo?\n\n---------- Přeposlaná zpráva ----------\nOd: Tereza Malá"
        + " <mala@zelenydum.org>\n\nPotřebovali bychom, aby InTouch uměl sám generovat potvrzení o daru a aby se"
        + " dary samy natahovaly z Darujme.cz.").mainAskPaidWork()).isEqualTo("PROGRAMMING");
  }

  @Test
  void installingItThemselvesAskedWhereTheGuideIsIsAHowTo() {
    assertThat(TriageSignals.of("Fwd: návod na instalaci InTouch", "Kde přesně na extranetu najdu instalační"
        + " příručku klienta? Potřebujeme nainstalovat klienta na 12 nových PC v učebně, instalovat si to budeme"
        + " sami.").mainAskPaidWork()).isNull();
  }

  @Test
  void englishReportsTellOneUserAWorkaroundAndStoppedOperations() {
    Signals oneUser = TriageSignals.of("Export to Excel fails", "The export fails for me. My colleagues in the same"
        + " office can export without problems, so it seems to be bound to my user account. For now I copy the"
        + " rows by hand.");
    assertThat(oneUser.oneUser()).isTrue();
    assertThat(oneUser.workaroundExists()).isTrue();
    assertThat(TriageSignals.of("Dispatchers cannot open orders", "None of the 18 dispatchers can open transport"
        + " orders, the client freezes. We are phoning the orders to another office, which is not sustainable."
        + " Our drivers are waiting for confirmed loads.").operationsStopped()).isTrue();
  }

  @Test
  void driversWaitingForAHowToAreNoStoppedOperations() {
    Signals signals = TriageSignals.of("NALÉHAVÉ!!! zástup za kolegyni", "Kolegyně odjela dneska nečekaně do"
        + " nemocnice a visí jí 40 zakázek. Jak nastavím, aby její zakázky viděla jiná dispečerka??? Řidiči čekají!!!");
    assertThat(signals.faultReported()).isFalse();
    assertThat(signals.operationsStopped()).isFalse();
    assertThat(signals.howToQuestion()).isTrue();
  }
}
