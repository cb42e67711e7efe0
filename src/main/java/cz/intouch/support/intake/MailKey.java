package cz.intouch.support.intake;

import cz.intouch.support.ticket.TicketMessages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identity of a mail for the exactly-once intake: its Message-ID, or a hash of its bytes when it has none. */
final class MailKey {

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(?:\\r?\\n[ \\t]+)?(<[^<>\\s]+>)");

  private MailKey() {}

  static String messageId(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headerEnd = text.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
      headerEnd = text.indexOf("\n\n");
    }
    Matcher matcher = MESSAGE_ID.matcher(headerEnd < 0 ? text : text.substring(0, headerEnd));
    return matcher.find() ? matcher.group(1) : null;
  }

  /** Read from the raw header block, so even a mail that cannot be parsed gets a stable key. */
  static String of(byte[] raw) {
    String normalized = TicketMessages.normalizeMessageId(messageId(raw));
    if (normalized != null && normalized.length() <= 990) {
      return "mid:" + normalized;
    }
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
