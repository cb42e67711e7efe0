package cz.intouch.support.intake;

import cz.intouch.support.mail.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/** Opens an IMAP connection to the support mailbox, with the desk's time-outs. */
final class MailboxConnection {

  private MailboxConnection() {}

  static Store open(MailSettings.Imap imap) throws MessagingException {
    Properties properties = new Properties();
    String protocol = imap.protocol();
    properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    properties.setProperty("mail." + protocol + ".timeout", "60000");
    // whole messages in one response rather than 16 KB slices
    properties.setProperty("mail." + protocol + ".partialfetch", "false");
    Store store = Session.getInstance(properties).getStore(protocol);
    store.connect(imap.host(), imap.port(), imap.user(), imap.password());
    return store;
  }
}
