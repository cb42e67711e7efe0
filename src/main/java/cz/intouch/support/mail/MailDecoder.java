package cz.intouch.support.mail;

import cz.intouch.support.mail.DecodedMail.Attachment;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 5322 mail the way Czech customers' clients write it: any nesting of multipart/alternative,
 * mixed and related; UTF-8, ISO-8859-2 and windows-1250 (also undeclared or mislabelled 8-bit text, which falls
 * back to windows-1250, the charset of Czech Outlook); quoted-printable and base64; RFC 2047/2231 headers and
 * file names; HTML-only bodies converted to text.
 */
public final class MailDecoder {

  private static final Session SESSION = Session.getInstance(lenientParsing());
  private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
  private static final Pattern MESSAGE_ID_HEADER =
      Pattern.compile("(?im)^[ \\t>]*(?:Message-ID|Original-Message-ID)\\s*:\\s*(<[^<>\\s]+>)");

  private MailDecoder() {}

  /**
   * @param attachmentLimit bytes of attachments kept per mail; the rest of a larger one is cut off and marked
   * @throws UnreadableMailException with a Czech reason for the agent
   */
  public static DecodedMail decode(byte[] raw, long attachmentLimit) throws UnreadableMailException {
    MimeMessage message;
    String subject = null;
    Author author;
    try {
      message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      subject = decodeHeaderText(message.getHeader("Subject", null));
      author = author(message);
    } catch (MessagingException e) {
      throw new UnreadableMailException("Nečitelné hlavičky e-mailu: " + e.getMessage(), null, subject, null, e);
    }
    if (author.problem() != null) {
      throw new UnreadableMailException(author.problem(), author.address(), subject, previewOf(message), null);
    }
    String sender = author.address();
    Body body = new Body(attachmentLimit);
    try {
      body.collect(message);
    } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
      throw new UnreadableMailException("Neznámá znaková sada: " + e.getMessage(), sender, subject, body.preview(), e);
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new UnreadableMailException("Poškozená struktura MIME: " + e.getMessage(), sender, subject,
          body.preview(), e);
    }
    try {
      // only the <id> itself: whatever else the header holds must never reach a header we write
      String messageId = firstId(message.getHeader("Message-ID", " "));
      return new DecodedMail(
          messageId,
          sender,
          author.name(),
          subject == null ? "" : subject,
          firstId(message.getHeader("In-Reply-To", " ")),
          ids(message.getHeader("References", " ")),
          message.getContentType(),
          headers(message),
          body.text(),
          body.htmlOnly(),
          List.copyOf(body.attachments),
          quotedMessageIds(raw, messageId),
          body.links());
    } catch (MessagingException e) {
      throw new UnreadableMailException("Nečitelné hlavičky e-mailu: " + e.getMessage(), sender, subject,
          body.text(), e);
    }
  }

  /** Subject and other unstructured headers: RFC 2047 words decoded, raw 8-bit tried as UTF-8 then windows-1250. */
  static String decodeHeaderText(String value) {
    if (value == null) {
      return null;
    }
    String unfolded = MimeUtility.unfold(value);
    try {
      unfolded = MimeUtility.decodeText(unfolded);
    } catch (java.io.UnsupportedEncodingException e) {
      // an unknown charset in one encoded word: keep the header as written
    }
    return decodeGluedWords(unfolded).strip();
  }

  /**
   * Encoded words glued to the text before them ("po o=?utf-8?q?bnov=C4=9B?="), which RFC 2047 forbids and strict
   * decoding leaves as they are, but which mailers (Python's email package among them) write and mail clients show
   * decoded: decoded one by one, an undecodable one kept as written.
   */
  private static String decodeGluedWords(String text) {
    if (!text.contains("=?")) {
      return text;
    }
    return ENCODED_WORD.matcher(text).replaceAll(word -> {
      try {
        return Matcher.quoteReplacement(MimeUtility.decodeWord(word.group()));
      } catch (ParseException | java.io.UnsupportedEncodingException e) {
        return Matcher.quoteReplacement(word.group());
      }
    });
  }

  /** Who wrote the mail, or why that cannot be told: the address the desk would answer and register. */
  private record Author(String address, String name, String problem) {}

  /**
   * From must hold exactly one bare address and a display name without line breaks: a name decoding to
   * "…\r\nBcc: …", or an encoded word the lenient parser takes for part of the address, is a forged header, not
   * a customer the desk could answer.
   */
  private static Author author(MimeMessage message) throws MessagingException {
    Address[] from;
    try {
      from = message.getFrom();
    } catch (AddressException e) {
      from = null;
    }
    String header = message.getHeader("From", ",");
    if ((from == null || from.length == 0) && (header == null || header.isBlank())) {
      return new Author(null, null, "E-mail nemá odesílatele (chybí nebo je neplatné pole From)");
    }
    String address = from != null && from.length == 1 && from[0] instanceof InternetAddress internet
        ? MailAddresses.bare(internet.getAddress()).orElse(null) : null;
    if (address == null) {
      return new Author(null, null, "Pole From neobsahuje právě jednu platnou adresu odesílatele: „"
          + MailAddresses.printable(header == null ? "" : MimeUtility.unfold(header), 300) + "“");
    }
    String name = ((InternetAddress) from[0]).getPersonal();
    if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
      return new Author(address, null, "Jméno odesílatele obsahuje zalomení řádku nebo řídicí znaky (podvržená "
          + "hlavička?): „" + MailAddresses.printable(name, 300) + "“");
    }
    return new Author(address, name, null);
  }

  private static String firstId(String header) {
    List<String> ids = ids(header);
    return ids.isEmpty() ? null : ids.get(0);
  }

  private static List<String> ids(String header) {
    if (header == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    // some mailers fold a long id into an encoded word (=?utf-8?q?=3C...?=), which no id should be
    Matcher matcher = Pattern.compile("<[^<>\\s]+>").matcher(decodeHeaderText(header));
    while (matcher.find()) {
      ids.add(matcher.group());
    }
    return ids;
  }

  private static Map<String, String> headers(MimeMessage message) throws MessagingException {
    Map<String, String> headers = new LinkedHashMap<>();
    Enumeration<jakarta.mail.Header> all = message.getAllHeaders();
    while (all.hasMoreElements()) {
      jakarta.mail.Header header = all.nextElement();
      headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), MimeUtility.unfold(header.getValue()).strip());
    }
    return headers;
  }

  /** Message-IDs quoted in the body or embedded parts: how a delivery report names the mail that bounced. */
  private static List<String> quotedMessageIds(byte[] raw, String ownId) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher matcher = MESSAGE_ID_HEADER.matcher(new String(raw, StandardCharsets.ISO_8859_1));
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    if (ownId != null) {
      ids.remove(ownId.trim());
    }
    return List.copyOf(ids);
  }

  private static String previewOf(MimeMessage message) {
    Body body = new Body(0);
    try {
      body.collect(message);
    } catch (Exception e) {
      // best effort for the agent: whatever was read before the failure
    }
    return body.preview();
  }

  /** Walks the MIME tree once, collecting text and attachments. */
  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
  private static final Pattern WRITTEN_LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+",
      Pattern.CASE_INSENSITIVE);

  private static final class Body {

    private final List<String> texts = new ArrayList<>();
    private final Set<String> links = new LinkedHashSet<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private long attachmentBudget;
    private boolean sawPlain;
    private boolean sawHtml;

    Body(long attachmentLimit) {
      this.attachmentBudget = attachmentLimit;
    }

    void collect(Part part) throws MessagingException, IOException {
      ContentType type = contentType(part);
      String base = type.getBaseType().toLowerCase(Locale.ROOT);
      if (base.startsWith("multipart/")) {
        Multipart multipart = (Multipart) part.getContent();
        if (base.equals("multipart/alternative")) {
          collectAlternative(multipart);
        } else {
          for (int i = 0; i < multipart.getCount(); i++) {
            collect(multipart.getBodyPart(i));
          }
        }
      } else if (isInlineText(part, base)) {
        String text = text(part, type);
        if (base.equals("text/html")) {
          sawHtml = true;
          texts.add(HtmlText.of(text));
          links.addAll(HtmlText.links(text));
        } else {
          sawPlain = true;
          texts.add(text.strip());
        }
      } else {
        attach(part, base);
      }
    }

    /** The plain version when it says something, else the richest one we can read. */
    private void collectAlternative(Multipart alternative) throws MessagingException, IOException {
      BodyPart plain = null;
      BodyPart other = null;
      for (int i = 0; i < alternative.getCount(); i++) {
        BodyPart candidate = alternative.getBodyPart(i);
        String base = contentType(candidate).getBaseType().toLowerCase(Locale.ROOT);
        if (base.equals("text/plain")) {
          plain = candidate;
        } else if (base.equals("text/html") || base.startsWith("multipart/")) {
          other = candidate;
        }
      }
      if (plain != null && (other == null || !text(plain, contentType(plain)).isBlank())) {
        collect(plain);
      } else if (other != null) {
        collect(other);
      }
    }

    private static boolean isInlineText(Part part, String base) throws MessagingException {
      return (base.equals("text/plain") || base.equals("text/html"))
          && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() == null;
    }

    private void attach(Part part, String base) throws MessagingException, IOException {
      byte[] content;
      try (var in = part.getInputStream()) {
        content = in.readAllBytes();
      }
      long kept = Math.max(0, Math.min(content.length, attachmentBudget));
      attachmentBudget -= kept;
      String name = part.getFileName();
      if (name != null) {
        name = decodeHeaderText(name);
      } else if (base.equals("message/rfc822")) {
        name = "preposlana-zprava.eml";
      }
      attachments.add(new Attachment(name, base, content.length, kept < content.length,
          kept < content.length ? Arrays.copyOf(content, (int) kept) : content));
    }

    private static ContentType contentType(Part part) throws MessagingException {
      String header = part.getContentType();
      try {
        return new ContentType(header == null ? "text/plain" : header);
      } catch (ParseException e) {
        // an unparsable type is treated as RFC 2045 says: plain US-ASCII text (our fallbacks then apply)
        return new ContentType("text", "plain", null);
      }
    }

    /** Transfer encoding undone by jakarta.mail; the charset decoding is ours, to repair mislabelled text. */
    private static String text(Part part, ContentType type) throws MessagingException, IOException {
      byte[] bytes;
      try (var in = part.getInputStream()) {
        bytes = in.readAllBytes();
      }
      String declared = type.getParameter("charset");
      if (declared == null || declared.isBlank()) {
        return utf8OrWindows1250(bytes);
      }
      Charset charset = Charset.forName(MimeUtility.javaCharset(declared.trim()));
      if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
        return utf8OrWindows1250(bytes);
      }
      return new String(bytes, charset);
    }

    private static String utf8OrWindows1250(byte[] bytes) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException notUtf8) {
        return new String(bytes, WINDOWS_1250);
      }
    }

    String text() {
      return String.join("\n\n", texts.stream().filter(t -> !t.isBlank()).toList());
    }

    /** The HTML links collected, then the addresses written in the text. */
    List<String> links() {
      Set<String> all = new LinkedHashSet<>(links);
      WRITTEN_LINK.matcher(text()).results().map(MatchResult::group).forEach(all::add);
      return List.copyOf(all);
    }

    boolean htmlOnly() {
      return sawHtml && !sawPlain;
    }

    String preview() {
      String text = text();
      return text.length() > 3000 ? text.substring(0, 3000) : text;
    }
  }

  private static Properties lenientParsing() {
    Properties properties = new Properties();
    properties.setProperty("mail.mime.address.strict", "false");
    properties.setProperty("mail.mime.decodetext.strict", "false");
    properties.setProperty("mail.mime.decodefilename", "true");
    properties.setProperty("mail.mime.decodeparameters", "true");
    properties.setProperty("mail.mime.allowutf8", "true");
    properties.setProperty("mail.mime.parameters.strict", "false");
    return properties;
  }
}
