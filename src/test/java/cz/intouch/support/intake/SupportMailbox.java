package cz.intouch.support.intake;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The support mailbox of the test's GreenMail: corpus mails are put into the folder with the INTERNALDATE a real
 * delivery would have given them, and the desk reads them over real IMAP. They are stored through GreenMail's own
 * store, not by IMAP APPEND: GreenMail 2.1.3 parses an APPEND's date with a 12-hour clock ("dd-MMM-yyyy hh:mm:ss
 * Z"), so a mail appended at 13:46 would be dated 01:46, and a test run after noon would see its customers write
 * before the desk's answers.
 */
final class SupportMailbox {

  private final MailSettings settings;
  private final EmbeddedMailServer server;

  SupportMailbox(MailSettings settings, EmbeddedMailServer server) {
    this.settings = settings;
    this.server = server;
  }

  /** A corpus mail from src/test/resources/mail with {{UID}} and the given placeholders filled in. */
  static byte[] corpus(String name, Map<String, String> values) throws IOException {
    try (InputStream in = SupportMailbox.class.getResourceAsStream("/mail/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No corpus mail " + name);
      }
      // placeholders are ASCII, so replacing in a byte-preserving charset keeps every other byte as it was
      String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
          .replace("{{UID}}", UUID.randomUUID().toString());
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace("{{" + value.getKey() + "}}", value.getValue());
      }
      return text.getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  void deliver(List<byte[]> raws, Instant receivedAt) throws MessagingException {
    Session session = Session.getInstance(new Properties());
    GreenMailUser user = server.greenMail().getUserManager().getUser(settings.imap().user());
    try {
      MailFolder folder = server.greenMail().getManagers().getImapHostManager()
          .getFolder(user, settings.imap().folder(), true);
      for (byte[] raw : raws) {
        folder.appendMessage(new MimeMessage(session, new ByteArrayInputStream(raw)), new Flags(),
            Date.from(receivedAt));
      }
    } catch (FolderException e) {
      throw new MessagingException("Cannot store in " + settings.imap().folder(), e);
    }
  }

  void deliver(byte[] raw, Instant receivedAt) throws MessagingException {
    deliver(List.of(raw), receivedAt);
  }

  int count(String folderName) throws MessagingException {
    int[] count = new int[1];
    withFolder(folderName, folder -> {
      if (folder.exists()) {
        count[0] = folder.getMessageCount();
      }
    });
    return count[0];
  }

  private interface FolderWork {
    void on(Folder folder) throws MessagingException;
  }

  private void withFolder(String name, FolderWork work) throws MessagingException {
    MailSettings.Imap imap = settings.imap();
    Store store = Session.getInstance(new Properties()).getStore(imap.protocol());
    store.connect(imap.host(), imap.port(), imap.user(), imap.password());
    try {
      work.on(store.getFolder(name));
    } finally {
      store.close();
    }
  }
}
