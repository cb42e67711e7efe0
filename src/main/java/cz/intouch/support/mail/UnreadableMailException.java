package cz.intouch.support.mail;

/**
 * A mail the desk cannot take as a request or reply (no sender, broken MIME, unknown charset). It goes to the
 * quarantine with what could be read of it, never away.
 */
public class UnreadableMailException extends Exception {

  private final String sender;
  private final String subject;
  private final String textPreview;

  public UnreadableMailException(String reason, String sender, String subject, String textPreview,
      Throwable cause) {
    super(reason, cause);
    this.sender = sender;
    this.subject = subject;
    this.textPreview = textPreview;
  }

  /** Czech, shown to the agent. */
  public String reason() {
    return getMessage();
  }

  public String sender() {
    return sender;
  }

  public String subject() {
    return subject;
  }

  public String textPreview() {
    return textPreview;
  }
}
