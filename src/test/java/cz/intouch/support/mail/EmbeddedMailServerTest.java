package cz.intouch.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract's embedded mail server: real SMTP in, real IMAP out, mailboxes made on first mail. */
@SupportDeskTest
class EmbeddedMailServerTest {

  @Autowired MailSettings settings;

  @Test
  void anyAddressGetsAMailboxOnFirstMailWithLoginAndPasswordEqualToTheAddress() throws Exception {
    String address = "novy.zakaznik@priklad-firma.cz";
    Session session = Session.getInstance(new Properties());
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(new InternetAddress(settings.supportAddress()));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
    mail.setSubject("Zkouška doručení – žluťoučký kůň", "UTF-8");
    mail.setText("Dobrý den, zkouška.", "UTF-8");
    Transport transport = session.getTransport("smtp");
    transport.connect(settings.smtp().host(), settings.smtp().port(), null, null);
    transport.sendMessage(mail, mail.getAllRecipients());
    transport.close();

    Store store = session.getStore("imap");
    store.connect(settings.imap().host(), settings.imap().port(), address, address);
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    assertThat(inbox.getMessages()).extracting(Message::getSubject).contains("Zkouška doručení – žluťoučký kůň");
    inbox.close(false);
    store.close();
  }

  @Test
  void theSupportMailboxIsThereFromTheStart() throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect(settings.imap().host(), settings.imap().port(), settings.imap().user(), settings.imap().password());
    assertThat(store.getFolder("INBOX").exists()).isTrue();
    store.close();
  }
}
