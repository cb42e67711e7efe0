package cz.intouch.support.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding rules without a mail server: limits, mislabelled charsets, HTML. */
class MailDecoderTest {

  @Test
  void attachmentsBeyondThePerMailLimitAreKeptUpToTheLimitAndMarkedTruncated() throws Exception {
    DecodedMail mail = MailDecoder.decode(corpus("alternative-with-attachment.eml"), 1000);

    assertThat(mail.attachments()).hasSize(2);
    assertThat(mail.attachments().get(0).truncated()).isFalse();
    DecodedMail.Attachment cut = mail.attachments().get(1);
    assertThat(cut.originalSize()).isEqualTo(2048);
    assertThat(cut.content()).hasSize(1000 - 44);
    assertThat(cut.truncated()).isTrue();
    assertThat(mail.anyAttachmentTruncated()).isTrue();
  }

  @Test
  void czechTextInWindows1250LabelledAsUtf8OrUnlabelledIsStillReadable() throws Exception {
    byte[] body = "Dobrý den, nejde tisk. Žluťoučký kůň.".getBytes(Charset.forName("windows-1250"));
    for (String contentType : new String[] {"text/plain; charset=UTF-8", "text/plain"}) {
      byte[] raw = concat(("From: a@b.cz\r\nSubject: x\r\nContent-Type: " + contentType
          + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
      assertThat(MailDecoder.decode(raw, 0).text()).isEqualTo("Dobrý den, nejde tisk. Žluťoučký kůň.");
    }
  }

  @Test
  void htmlBecomesTextWithQuotesMarkedAndWithoutStyles() {
    assertThat(HtmlText.of("<style>b{}</style><p>Ahoj<br>světe</p><blockquote>staré</blockquote><p>nové</p>"))
        .isEqualTo("Ahoj\nsvěte\n> staré\nnové");
  }

  @Test
  void anEncodedWordGluedToTheWordBeforeItIsDecodedAsMailClientsShowIt() throws Exception {
    byte[] raw = ("From: a@b.cz\r\nSubject: =?utf-8?q?Chyba_certifik=C3=A1tu?=\r\n po o=?utf-8?q?bnov=C4=9B?=\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nText").getBytes(StandardCharsets.US_ASCII);

    assertThat(MailDecoder.decode(raw, 0).subject()).isEqualTo("Chyba certifikátu po obnově");
  }

  @Test
  void aReplyWhoseMailerEncodedTheQuotedIdStillNamesIt() throws Exception {
    byte[] raw = ("From: a@b.cz\r\nSubject: RE: x\r\nIn-Reply-To: =?utf-8?q?=3CAM0PR02MB5061=40AM0PR02MB5?=\r\n"
        + " =?utf-8?q?061=2Eeurprd02=2Eprod=2Eoutlook=2Ecom=3E?=\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nVerze 5.3.2").getBytes(StandardCharsets.US_ASCII);

    assertThat(MailDecoder.decode(raw, 0).inReplyTo())
        .isEqualTo("<AM0PR02MB5061@AM0PR02MB5061.eurprd02.prod.outlook.com>");
  }

  @Test
  void theLinksOfAnHtmlMailAreKeptThoughItsTextShowsOnlyTheirCaptions() throws Exception {
    byte[] raw = ("From: ucetni@firma.cz\r\nSubject: Faktura\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
        + "<p>Faktura: <a href=\"https://firma.cz.docs-viewer.top/f.pdf.html\">Faktura.pdf</a></p>"
        + "<p>Web: https://www.firma.cz/kontakt</p>").getBytes(StandardCharsets.UTF_8);

    DecodedMail mail = MailDecoder.decode(raw, 0);

    assertThat(mail.text()).doesNotContain("docs-viewer");
    assertThat(mail.links()).containsExactly("https://firma.cz.docs-viewer.top/f.pdf.html",
        "https://www.firma.cz/kontakt");
  }

  @Test
  void aMailWithoutSenderIsUnreadableButKeepsItsSubjectAndText() throws Exception {
    assertThatThrownBy(() -> MailDecoder.decode(corpus("no-from.eml"), 0))
        .isInstanceOfSatisfying(UnreadableMailException.class, e -> {
          assertThat(e.subject()).isEqualTo("Bez odesílatele");
          assertThat(e.textPreview()).contains("nema odesilatele");
        });
  }

  private static byte[] corpus(String name) throws Exception {
    try (InputStream in = MailDecoderTest.class.getResourceAsStream("/mail/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("{{UID}}", "test")
          .getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
