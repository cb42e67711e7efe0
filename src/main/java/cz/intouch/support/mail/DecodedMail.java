package cz.intouch.support.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An incoming mail as the intake needs it: decoded headers, the body as plain text (HTML converted), the
 * attachments (already cut to the per-mail limit) and the Message-IDs quoted inside it (a bounce's original).
 *
 * @param messageId only the {@code <id>} of the Message-ID header, or null
 * @param from the one From address, bare {@code local@domain} in lower case; never null (a mail without exactly
 *     one is unreadable)
 * @param headers first value of every header, names in lower case, values unfolded and undecoded
 * @param links the web addresses the mail links to: an HTML part's {@code href}s (which its text does not show)
 *     and the addresses written in its text, each once
 */
public record DecodedMail(
    String messageId,
    String from,
    String fromName,
    String subject,
    String inReplyTo,
    List<String> references,
    String contentType,
    Map<String, String> headers,
    String text,
    boolean htmlOnly,
    List<Attachment> attachments,
    List<String> quotedMessageIds,
    List<String> links) {

  /** One attachment; {@code content} holds at most what the per-mail limit left for it. */
  public record Attachment(String fileName, String contentType, long originalSize, boolean truncated,
      byte[] content) {}

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public boolean anyAttachmentTruncated() {
    return attachments.stream().anyMatch(Attachment::truncated);
  }
}
