package cz.intouch.support.identification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestCluesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Používáme verzi 5.3.2 a nejde tisk.|5.3.2|",
      "v. 4.8.1 build 2210|4.8.1|2210",
      "Máme InTouch 5.2, prosím o radu.|5.2|",
      "InTouch CRM Enterprise 5.10.1|5.10.1|",
      "verze: 5.1|5.1|",
      "ver. 5.0.3 (build 1999)|5.0.3|1999",
      "version 5.4.0|5.4.0|",
      "Máme v5.3.|5.3|",
      "Verze: InTouch (4.8.3)|4.8.3|",
      "Máme verzi 5.3.2, build 2318, server Windows.|5.3.2|2318",
      "Od aktualizace na 5.4.0 (v pondělí) se neukládají nabídky.|5.4.0|",
      "provedli jsme aktualizaci z verze 4.8.3 na 5.4.0 (build 2402), vrátit se umíme na 4.8.3|5.4.0|2402",
      "Our InTouch server (running 5.3.2) moves.|5.3.2|",
      "Verze\u00A0programu je 5.0.|5.0|",
      "Verze InTouch 5.3.1 (2190).|5.3.1|2190",
      "Máme 5.3.2 (2214).|5.3.2|2214",
      "verze 5.3.2.2214 na serveru|5.3.2|2214",
      "Since the upgrade to 5.4.1 the CSV export is slow.|5.4.1|",
      "They currently run 5.1.4, we plan to move to 5.4.1.|5.1.4|",
      "prosím o provedení upgradu našeho InTouch CRM z 5.3.2 na 5.4.0 o víkendu|5.3.2|",
      "Could you please upgrade us from 5.2.1 to 5.4.1?|5.2.1|",
      "drobnost z verze 5.4.1: tabule problikne|5.4.1|",
      "Client version 5.3.3, add-in version 5.3.3.118.|5.3.3|",
      "jen drobnost, kterou jsme si všimli po přechodu na 5.4.1:|5.4.1|",
      "Rádi bychom přešli z dosavadní 5.3.2 rovnou na 5.4.1, o které jste psali v newsletteru.|5.3.2|",
      "the link (extranet.intouch-crm.cz/docs/admin-5.3) returns 404; we are on verze 5.3.2.2214|5.3.2|2214"})
  void findsTheVersionInUseAndItsBuildApart(String text, String version, String build) {
    RequestClues.Version found = RequestClues.version(text.replace("\\u00A0", "\u00A0")).orElseThrow();
    assertThat(found.version()).isEqualTo(version);
    assertThat(found.build()).isEqualTo(build);
  }

  @Test
  void anUpgradeTargetOrAMentionedVersionIsNotTheVersionInUse() {
    assertThat(RequestClues.programVersion("Plánujeme upgrade na 5.4, zatím nic.")).isEmpty();
    assertThat(RequestClues.programVersion("Upgrade na verzi 5.4.0 - prosba\nPoužíváme InTouch CRM ve verzi 5.2.1"))
        .contains("5.2.1");
    assertThat(RequestClues.programVersion("mame porad 4.8.3 a chteli bychom prejit na 5.4")).contains("4.8.3");
    assertThat(RequestClues.programVersion("Schůzka 14.11. v 8.30 u nás")).isEmpty();
    assertThat(RequestClues.version("od aktualizace na 5.4.0 se nikdo nepřihlásí.\n\nDoplňuji: přesná verze je 5.4.0"
        + " build 2268.")).contains(new RequestClues.Version("5.4.0", "2268"));
    assertThat(RequestClues.programVersion("where can I download the installation guide for the 5.4.1 client?"))
        .isEmpty();
    assertThat(RequestClues.programVersion("Kde najdu návod k instalaci 5.4.1 na extranetu?")).isEmpty();
    assertThat(RequestClues.programVersion("Objednávka upgradu na 5.4.0\nrádi bychom přešli z aktuální verze 5.3.2 "
        + "(build 2318) na 5.4.0")).contains("5.3.2");
    assertThat(RequestClues.programVersion("Pomalé po upgradu\nod upgradu na verzi 5.3.2 (minulý týden) je to pomalé"))
        .contains("5.3.2");
  }

  @Test
  void ownWordsAreTheNewTextWithItsSignatureNeverTheQuotedHistory() {
    String reply = "Jsem Jiří Toman, verze 5.3.2.\n\nS pozdravem\nJiří Toman\nIČO 26407817\n\n"
        + "Dne 5. 10. 2026 v 14:02 Jirka T <jirka@gmail.com> napsal(a):\n> verze 4.8.1, IČO 27184358";
    assertThat(RequestClues.ownWords(reply)).contains("IČO 26407817").doesNotContain("27184358")
        .doesNotContain("4.8.1");
    String forward = "Přeposílám, máme 5.3.2.\nAlena Macháčková\n\n---------- Forwarded message ---------\n"
        + "From: Petr Novák <petr@x.cz>\nPetr Novák";
    assertThat(RequestClues.ownWords(forward)).contains("Alena Macháčková").doesNotContain("Petr Novák");
    assertThat(RequestClues.ownWords("Text.\nOd: Jan Novák\nOdesláno: pondělí\nKomu: podpora\nstará zpráva"))
        .isEqualTo("Text.");
  }

  @Test
  void aDateOrAPhoneNumberIsNoVersion() {
    assertThat(RequestClues.programVersion("Volejte 478 571 021, chyba od 12.3.2026")).isEmpty();
  }

  @Test
  void findsACompanyIdWithAValidCheckDigit() {
    assertThat(RequestClues.companyId("Naše IČO: 28166345, DIČ CZ28166345")).contains("28166345");
    assertThat(RequestClues.companyId("IČ 2816 6345")).contains("28166345");
    assertThat(RequestClues.companyId("objednávka 12345678 z minulého týdne")).isEmpty();
    assertThat(RequestClues.companyId("ič: 2816 6345")).contains("28166345");
    assertThat(RequestClues.companyId("DIČ: CZ28166345")).as("a DIČ holds the IČO").contains("28166345");
    assertThat(RequestClues.companyId("objednávka č. 28166345 nedorazila")).as("an order number").isEmpty();
    assertThat(RequestClues.companyId("zákaznické číslo 28166345, IČO 26407817")).contains("26407817");
    assertThat(RequestClues.companyId("bez čísla")).isEmpty();
  }

  @Test
  void readsTheSignersNameAfterAClosingFormula() {
    assertThat(RequestClues.signedName("Dobrý den,\nnejde tisk.\n\nS pozdravem\nIng. Karel Svoboda\nStrojírny"))
        .contains("Karel Svoboda");
    assertThat(RequestClues.signedName("Děkuji\n\nPetra Dvořáková, účetní")).contains("Petra Dvořáková");
    assertThat(RequestClues.signedName("Nejde tisk.\nS pozdravem\nOddělení IT")).isEmpty();
    assertThat(RequestClues.signedName("Thanks for your help.\n\nBest regards,\nMarkus Weber\nSales")).contains(
        "Markus Weber");
    assertThat(RequestClues.signedName("Nejde tisk.\n\nKarel Beneš\nvedoucí obchodu\n+420 777 111 222"))
        .as("a name on its own line after the text, without a closing").contains("Karel Beneš");
    assertThat(RequestClues.signedName("Nejde tisk.\n--\nIng. Eva Bartošová, Ph.D.\nobchod")).contains("Eva Bartošová");
    assertThat(RequestClues.signedName("Nejde tisk.\nS\u00A0pozdravem\nPetr\u00A0Vlček")).contains("Petr Vlček");
    assertThat(RequestClues.signedName("Nejde tisk.\nZdraví\nPetr\nPetr Vlček, sklad", "Vlček Petr"))
        .as("the line naming the From display name's person").contains("Petr Vlček");
    assertThat(RequestClues.displayName("Vlček Petr")).contains("Vlček Petr");
    assertThat(RequestClues.displayName("Dispečink Hronek")).as("a shared mailbox").isEmpty();
    assertThat(RequestClues.signedName("Export je pomalý.\nDěkujeme\nDispečink\nAutodoprava Hronek s.r.o.")).isEmpty();
    assertThat(RequestClues.signedName("omlouvám se – jsem Eva \nBartošová, obchodní oddělení.\nV. B."))
        .as("a self-introduction").contains("Eva Bartošová");
    assertThat(RequestClues.signedName("Ještě doplním – psala jsem to já, Veronika Dušková z recepce.\nV. Dušková"))
        .contains("Veronika Dušková");
    assertThat(RequestClues.displayName("Jirka T")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Ing. Radek Šimánek|Radek Šimánek", "Mgr. Markéta Dvořáková|Markéta Dvořáková",
      "doc. Ing. Petr Novák, CSc.|Petr Novák", "MUDr. Jana Malá, Ph.D.|Jana Malá", "Pavel Tichý|Pavel Tichý",
      "Bc. Ondřej Kalina, DiS.|Ondřej Kalina"})
  void aPersonIsNamedWithoutAcademicTitles(String written, String kept) {
    org.assertj.core.api.Assertions.assertThat(RequestClues.withoutTitles(written)).isEqualTo(kept);
  }

  @Test
  void aRelayedHelpdeskRequestNamesTheRequesterNotTheServiceDesk() {
    org.assertj.core.api.Assertions.assertThat(RequestClues.signedName(
        "Předáváme Vám požadavek.\nŽadatel: Jan Novák\nPriorita: vysoká\n\nS pozdravem\nNemocnice Jihlava"))
        .contains("Jan Novák");
    org.assertj.core.api.Assertions.assertThat(RequestClues.signedName(
        "Shrnutí: přihlášení\nReporter: Petra Nováková (Service Desk MěÚ)\n\nDěkujeme\nMěsto Kroměříž"))
        .contains("Petra Nováková");
    org.assertj.core.api.Assertions.assertThat(RequestClues.requesterName("Volající:\tIng. Marek Holub (dispečink)"))
        .contains("Marek Holub");
    org.assertj.core.api.Assertions.assertThat(RequestClues.requesterName("Nahlásil(a): Simona Vacková"))
        .contains("Simona Vacková");
    org.assertj.core.api.Assertions.assertThat(RequestClues.requesterName("Reported by Klára Benešová on 3. 11."))
        .contains("Klára Benešová");
    org.assertj.core.api.Assertions.assertThat(RequestClues.requesterName(
        "Jira Service Management\n\nMartina Pokorná raised a request: NJIT-4412")).contains("Martina Pokorná");
    org.assertj.core.api.Assertions.assertThat(RequestClues.requesterName("Jan Novák vytvořil nový požadavek #88"))
        .contains("Jan Novák");
    org.assertj.core.api.Assertions.assertThat(RequestClues.requesterName("Zadavatel: Service Desk")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(RequestClues.signedName("Thanks,\nKevin O'Brien\nByteBridge IT"))
        .contains("Kevin O'Brien");
    org.assertj.core.api.Assertions.assertThat(RequestClues.signedName(
        "Pardon, zapomněl jsem se podepsat. Jan Procházka, Logistika Poříčí s.r.o., sklad Pardubice."))
        .contains("Jan Procházka");
    org.assertj.core.api.Assertions.assertThat(RequestClues.signedName(
        "zapomněla jsem se podepsat - píše Jitka Marešová, účetní obce. Verze je 4.8.3.\n\nMarešová"))
        .contains("Jitka Marešová");
    org.assertj.core.api.Assertions.assertThat(RequestClues.signedName(
        "minule jsem se zapomněla podepsat. Píše Radka Šimková, vedoucí servisu.")).contains("Radka Šimková");
    org.assertj.core.api.Assertions.assertThat(RequestClues.requesterName("Nejde tisk, reportér nic neukáže."))
        .isEmpty();
  }

  @Test
  void aSurnameAfterAClosingOnOneLineIsNoNameAndASurnameInCapitalsComesLast() {
    assertThat(RequestClues.signedName("Jak si obnovím heslo?\n\nDiky Novotna", "NOVOTNÁ Petra")).isEmpty();
    assertThat(RequestClues.displayName("NOVOTNÁ Petra")).contains("Petra Novotná");
    assertThat(RequestClues.displayName("Petra NOVOTNÁ")).contains("Petra Novotná");
    assertThat(RequestClues.displayName("IT ODDĚLENÍ")).isEmpty();
  }

  @Test
  void theNewestVersionToBeInstalledIsNotTheOneInUse() {
    assertThat(RequestClues.version("Prosíme, abyste InTouch na nový server přenesli a rovnou ho nainstalovali v"
        + " nejnovější verzi 5.4.1. Teď provozujeme 5.3.2 build 2214.")).contains(new RequestClues.Version("5.3.2",
        "2214"));
  }

  @Test
  void aColleaguesForwardedRequestIsReadWhileSomeoneElsesIsNot() {
    String forward = "Přeposílám dotaz kolegy, poradíte?\n\nOndřej Havlíček\n\nFrom: Svoboda Petr"
        + " <petr.svoboda@drogerie-vltava.cz>\nSent: Monday, November 2, 2026 4:52 PM\nSubject: ceník\n\nDá se"
        + " nastavit výchozí ceník? Máme tam verzi 5.3.1.\n\n> starší citace 4.8.3";
    assertThat(RequestClues.forwardedByColleague(forward, "ondrej.havlicek@drogerie-vltava.cz"))
        .contains("verzi 5.3.1").doesNotContain("From:").doesNotContain("4.8.3");
    assertThat(RequestClues.forwardedByColleague(forward, "it@dodavatel.cz")).isEmpty();
    assertThat(RequestClues.forwardedByColleague("Nejde tisk.", "ondrej.havlicek@drogerie-vltava.cz")).isEmpty();
  }

  @Test
  void theCurrentVersionToMoveToIsNotTheOneInUse() {
    assertThat(RequestClues.version("Rádi bychom přešli na aktuální verzi 5.4.1, teď jedeme na 5.1.3."))
        .contains(new RequestClues.Version("5.1.3", null));
    assertThat(RequestClues.version("V newsletteru jste psali, že ve verzi 5.4.1 jsou opravy tabulek.")).isEmpty();
  }
}
