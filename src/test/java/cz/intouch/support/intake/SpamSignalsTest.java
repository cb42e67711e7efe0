package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.mail.DecodedMail;
import cz.intouch.support.mail.MailDecoder;
import cz.intouch.support.mail.UnreadableMailException;
import cz.intouch.support.ticket.TicketVariables.SpamDecision;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The spam facts that need more than a phrase: file-share disguises, domain scams, absence notes. */
class SpamSignalsTest {

  @Test
  void aSharedDocumentOnAForeignHostIsADisguise() {
    assertThat(SpamSignals.fakeFileShareLink(mail("office@stavby.eu", "Chyba v programu",
        "Protokol jsem nahrál sem: https://onedrive-files.cz-share.click/s/8RkL2Qx (heslo 2026)"))).isTrue();
    assertThat(SpamSignals.fakeFileShareLink(mail("no-reply@notify.com", "Sdílený soubor",
        "Otevřít: https://sharepoint-docs.file-view.link/o/nj"))).isTrue();
  }

  @Test
  void theServicesOwnLinksAreNot() {
    assertThat(SpamSignals.fakeFileShareLink(mail("jana@firma.cz", "Log",
        "Log je tady: https://firma-my.sharepoint.com/:u:/g/personal/log a obrázek https://1drv.ms/i/s!abc"
            + " a https://www.dropbox.com/s/x/log.zip"))).isFalse();
  }

  @Test
  void domainRegistrationAndRenewalScamsAreNamed() {
    assertThat(SpamSignals.of(mail("jason@asia-reg.cn", "Brand and Domain Registration",
        "We are the domain name registration center in Asia. They want to register \"intouch\" as their Internet"
            + " Keyword."), false)).containsEntry(SpamDecision.DOMAIN_SCAM, true);
    assertThat(SpamSignals.of(mail("fakturace@registr.com", "Faktura za prodloužení domény",
        "V příloze fakturu za prodloužení domény intouch-crm.cz. Splatnost 3 dny, jinak bude doména uvolněna."),
        false)).containsEntry(SpamDecision.DOMAIN_SCAM, true);
    assertThat(SpamSignals.of(mail("petr@firma.cz", "Přihlášení přes doménu",
        "Jak nastavím přihlášení doménovým účtem? Po změně domény na firma.cz nejde přihlásit."), true))
        .containsEntry(SpamDecision.DOMAIN_SCAM, false);
  }

  @Test
  void anAbsenceNoteWithoutHeadersIsAnAutoReply() {
    assertThat(MailClassifier.isAbsenceNote("Dobrý den,\n\ndo 4. 12. jsem mimo kancelář bez přístupu k e-mailu."
        + " V naléhavých případech volejte 731 226 045 (Mgr. Horáková).\n\nJana Veselá")).isTrue();
    assertThat(MailClassifier.isAbsenceNote("Hello, I am currently out of the office and will be back on"
        + " Monday.\nBest regards,\nTom")).isTrue();
  }

  @Test
  void aHelpdesksReceiptThatSaysItIsAutomaticIsAnAutoReplyWithoutHeaders() {
    assertThat(MailClassifier.isAutomaticReceipt("[#4471] Požadavek přijat: Re: export", "Dobrý den,\n\nVáš"
        + " požadavek byl přijat a zaevidován pod číslem #4471.\n\nToto je automatická zpráva, neodpovídejte na ni"
        + " prosím.")).isTrue();
    assertThat(MailClassifier.isAutomaticReceipt("Re: export", "Dobrý den, váš požadavek byl přijat, ale export"
        + " stále nejde. Verze 5.4.1.")).isFalse();
  }

  @Test
  void aRequestThatMentionsAnAbsenceIsNot() {
    assertThat(MailClassifier.isAbsenceNote("Dobrý den, od pátku budu na dovolené, v naléhavých případech volejte"
        + " kolegu. Můžete mi do té doby poradit, jak nastavit export faktur?")).isFalse();
    assertThat(MailClassifier.isAbsenceNote("Dobrý den, kolegyně je na dovolené a nikdo jiný neumí zaúčtovat"
        + " zálohy. Export do účetnictví hlásí chybu 0x80 u každé faktury.")).isFalse();
  }

  @Test
  void aDiscreetErrandForAManagerWhoCannotPhoneIsNamed() {
    assertThat(SpamSignals.of(mail("m.kratochvil.office@outlook.com", "Rychlý dotaz", "Jste teď v kanceláři?"
        + " Potřebuji od Vás diskrétně vyřídit jednu věc, jsem na jednání a nemohu telefonovat."), false))
        .containsEntry(SpamDecision.CEO_FRAUD, true);
    assertThat(SpamSignals.of(mail("jan@firma.cz", "Školení", "Budete v kanceláři v pátek? Rádi bychom přijeli."),
        true)).containsEntry(SpamDecision.CEO_FRAUD, false);
  }

  @Test
  void aHelpdesksReceiptIsNoRelayedRequest() {
    assertThat(MailClassifier.isReceipt("[tc-hd#2026111310000871] pozadavek prijat: re: [intouch #48402] dispecink",
        "Váš požadavek byl přijat a zaevidován pod číslem TC-HD#2026111310000871.")).isTrue();
    assertThat(MailClassifier.isReceipt("[ticket#2026111010000123] tisk dodacich listu",
        "Ticket#2026111010000123 – nový požadavek\nŽadatel: Miroslav Čermák")).isFalse();
  }

  private static DecodedMail mail(String from, String subject, String body) {
    String raw = "From: " + from + "\r\nTo: support@intouch-crm.cz\r\nSubject: " + subject
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + body + "\r\n";
    try {
      return MailDecoder.decode(raw.getBytes(StandardCharsets.UTF_8), 0);
    } catch (UnreadableMailException e) {
      throw new IllegalStateException(e);
    }
  }
}
