package cz.intouch.support.mail;

/**
 * The desk's own copy of every ticket mail it sends: the support mailbox is a blind recipient of the same SMTP
 * transaction, so the server delivers the copy exactly when it accepted the mail. That is the one evidence left
 * when the desk died after the server took a mail and before it could record SENT: the retry looks for the copy
 * instead of sending the customer the same mail twice. The intake, which reads the mailbox and files the copies,
 * answers.
 */
public interface OwnCopies {

  /**
   * Whether the copy of the mail with this Message-ID has reached the support mailbox (still in the INBOX or
   * already filed by the intake).
   *
   * @throws RuntimeException when the mailbox cannot be looked at: the caller then cannot tell and sends again
   */
  boolean arrived(String messageId);
}
