package cz.intouch.support.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTextTest {

  @Test
  void dropsQuotedLinesAndCzechGmailAttribution() {
    String body = "Stále to nejde.\n\nDne 12.3.2026 v 10:15 Jan Novák <jan.novak@firma.cz>\nnapsal(a):\n> Zkuste restart.\n> S pozdravem";
    assertThat(RequestText.newText(body)).isEqualTo("Stále to nejde.");
  }

  @Test
  void dropsOutlookCzechBlock() {
    String body = "Posílám log.\r\n\r\nOd: Podpora InTouch <support@intouch-crm.cz>\r\nOdesláno: pondělí 2. března 2026 9:14\r\n"
        + "Komu: Petr Malý\r\nPředmět: RE: chyba\r\n\r\nDobrý den, pošlete log.";
    assertThat(RequestText.newText(body)).isEqualTo("Posílám log.");
  }

  @Test
  void dropsOriginalMessageSeparatorsAndEnglishAttribution() {
    assertThat(RequestText.newText("Ok.\n-----Original Message-----\nFrom: x\nold")).isEqualTo("Ok.");
    assertThat(RequestText.newText("Nejde to.\n-----Původní zpráva-----\nOd: x\nstaré")).isEqualTo("Nejde to.");
    assertThat(RequestText.newText("Díky.\nOn Mon, Mar 2, 2026 at 9:14 AM Support <s@x.cz> wrote:\n> old")).isEqualTo("Díky.");
    assertThat(RequestText.newText("Nic.\nFrom: Support\nSent: Monday\nTo: me\n\nold text")).isEqualTo("Nic.");
  }

  @Test
  void dropsSignatureAfterDashes() {
    assertThat(RequestText.newText("Tisk nefunguje.\n-- \nIng. Jana Veselá\nVeselá s.r.o.")).isEqualTo("Tisk nefunguje.");
  }

  @Test
  void dropsClosingFormulaWithNameBlock() {
    assertThat(RequestText.newText("Export padá.\n\nS pozdravem\nJana Veselá\nobchodní oddělení\ntel. 777 123 456"))
        .isEqualTo("Export padá.");
    assertThat(RequestText.newText("Export padá.\nS pozdravem a přáním hezkého dne\nJana")).isEqualTo("Export padá.");
    assertThat(RequestText.newText("Jak nastavím tisk?\nDěkuji, Petr Novák")).isEqualTo("Jak nastavím tisk?");
    assertThat(RequestText.newText("Jak nastavím tisk?\ns pozdravem\nPetr")).isEqualTo("Jak nastavím tisk?");
    assertThat(RequestText.newText("Jak nastavím tisk?\nDíky")).isEqualTo("Jak nastavím tisk?");
  }

  @Test
  void keepsClosingWordsThatAreRealContent() {
    // A thank-you that carries the message is not a signature.
    String body = "Děkuji za odpověď, ale po restartu serveru databáze stále neodpovídá a nikdo nemůže pracovat.\nPetr";
    assertThat(RequestText.newText(body)).contains("nikdo nemůže pracovat");
    // A closing followed by more questions is not the end of the message.
    assertThat(RequestText.newText("Úvod.\nDíky\nA ještě: jak se nastavuje tisk?")).contains("jak se nastavuje tisk");
  }

  @Test
  void normalizeFoldsCaseDiacriticsPunctuationAndPadsWithSpaces() {
    assertThat(RequestText.normalize("RE: Nejde spustit!", "Dobrý den,\nInTouch 5.3.2 padá.\nS pozdravem\nJan"))
        .isEqualTo(" nejde spustit dobry den intouch 5.3.2 pada ");
    assertThat(RequestText.normalize("Žluťoučký kůň", "e-mail; MS-SQL... (verze 5.3)"))
        .isEqualTo(" zlutoucky kun e mail ms sql verze 5.3 ");
    assertThat(RequestText.normalize(null, null)).isEqualTo(" ");
  }

  @Test
  void decisionInputFitsTheDecisionHistoryAndKeepsTheStart() {
    String input = RequestText.decisionInput("Nejde tisk", "Dobrý den, nejde tisk. " + "dlouhý popis ".repeat(1000));
    org.assertj.core.api.Assertions.assertThat(input.length()).isLessThanOrEqualTo(RequestText.DECISION_INPUT_LIMIT);
    org.assertj.core.api.Assertions.assertThat(input).startsWith(" nejde tisk dobry den nejde tisk ").endsWith(" ");
  }

  @Test
  void aForwardIsJudgedOnTheForwardedReportToo() {
    String body = "Dobrý den,\nposílám dál, co mi píše dispečer.\n\nPetr Hola\nvedoucí IT\n\n"
        + "-------- Přeposlaná zpráva --------\nPředmět: filtr\nDatum: Tue, 17 Nov 2026 07:58:12 +0100\n"
        + "Od: Lukáš Beneš <lukas.benes@firma.cz>\nKomu: Petr Hola <petr.hola@firma.cz>\n\n"
        + "Ahoj,\npo každém obnovení se filtr zruší.\n\nLukáš Beneš\ndispečer\n-- \ntel. 725 330 418";
    assertThat(RequestText.requestText("Fwd: filtr", body))
        .isEqualTo("Dobrý den,\nposílám dál, co mi píše dispečer.\n\nPetr Hola\nvedoucí IT\n\n"
            + "Ahoj,\npo každém obnovení se filtr zruší.\n\nLukáš Beneš\ndispečer");
    // an Outlook forward with its header block, recognised by the subject
    String outlook = "Viz níže.\n\nFrom: Jana Malá <jana@firma.cz>\nSent: Monday, November 16, 2026 9:14\n"
        + "To: IT\nSubject: tisk\n\nTisk faktur padá všem.\n\n> starší text";
    assertThat(RequestText.requestText("FW: tisk", outlook)).isEqualTo("Viz níže.\n\nTisk faktur padá všem.");
  }

  @Test
  void aReplyIsJudgedOnItsNewTextOnly() {
    String body = "Stále to nejde.\n\nOd: Podpora InTouch <support@intouch-crm.cz>\nOdesláno: pondělí 2. března 2026\n"
        + "Komu: Petr Malý\nPředmět: RE: chyba\n\nDobrý den, pošlete log.";
    assertThat(RequestText.requestText("RE: chyba", body)).isEqualTo("Stále to nejde.");
    assertThat(RequestText.normalize("RE: chyba", body)).isEqualTo(" chyba stale to nejde ");
  }
}
