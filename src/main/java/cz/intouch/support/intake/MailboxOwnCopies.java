package cz.intouch.support.intake;

import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.mail.OwnCopies;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.MessageIDTerm;
import org.springframework.stereotype.Component;

/**
 * Finds the desk's own copy of a mail (see {@link OwnCopies}) in the support mailbox: still in the INBOX, or
 * already filed by the poller in the own-copies folder. The INBOX is searched first: the poller copies a mail to
 * its folder before it removes it from the INBOX, so a copy moved meanwhile is found in the folder.
 */
@Component
class MailboxOwnCopies implements OwnCopies {

  private final MailSettings mail;
  private final MailIntakeSettings intake;

  MailboxOwnCopies(MailSettings mail, MailIntakeSettings intake) {
    this.mail = mail;
    this.intake = intake;
  }

  @Override
  public boolean arrived(String messageId) {
    // IMAP SEARCH HEADER matches a substring: the id without its brackets finds it however the header is folded
    MessageIDTerm term = new MessageIDTerm(messageId.strip().replaceAll("^<|>$", ""));
    try (Store store = MailboxConnection.open(mail.imap())) {
      return holds(store.getFolder(mail.imap().folder()), term)
          || holds(store.getFolder(intake.ownCopiesFolder()), term);
    } catch (MessagingException e) {
      throw new IllegalStateException("Support mailbox not readable: " + e.getMessage(), e);
    }
  }

  private static boolean holds(Folder folder, MessageIDTerm term) throws MessagingException {
    if (!folder.exists()) {
      return false;
    }
    folder.open(Folder.READ_ONLY);
    try {
      return folder.search(term).length > 0;
    } finally {
      folder.close(false);
    }
  }
}
