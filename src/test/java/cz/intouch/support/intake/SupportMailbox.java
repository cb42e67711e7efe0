package cz.intouch.support.intake;

import cz.intouch.support.mail.MailSettings;
import jakarta.mail.Folder;
import jakarta.mail.Message;
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
 * The support mailbox of the test's GreenMail, reached over real IMAP: corpus mails are APPENDed with the
 * INTERNALDATE a real delivery would have given them.
 */
final class SupportMailbox {

  private final MailSettings settings;

  SupportMailbox(MailSettings settings) {
    this.settings = settings;
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
    Message[] messages = new Message[raws.size()];
    for (int i = 0; i < raws.size(); i++) {
      messages[i] = new MimeMessage(session, new ByteArrayInputStream(raws.get(i))) {
        @Override
        public Date getReceivedDate() {
          return Date.from(receivedAt); // what IMAP APPEND sends as INTERNALDATE
        }
      };
    }
    withFolder(settings.imap().folder(), folder -> folder.appendMessages(messages));
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
