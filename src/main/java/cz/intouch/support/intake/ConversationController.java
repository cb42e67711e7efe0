package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;

import cz.intouch.support.api.NotFoundException;
import cz.intouch.support.intake.MailIntakeStore.StoredAttachment;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.SupportStaff;
import cz.intouch.support.ticket.TicketMessage;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole ticket beside an agent's task (the Tasklist tab "Konverzace"): the conversation in order, marked by
 * author, and the customer's attachments as downloads. Read-only: who may call it is in WebSecurity's /api table.
 */
@RestController
@RequestMapping("/api/tickets/{ticketNumber}")
public class ConversationController {

  private static final Set<String> COCKPIT_ROLES = Set.of("ROLE_" + SupportStaff.MANAGERS,
      "ROLE_" + SupportStaff.ADMINS);

  private final TicketConversation conversations;
  private final RuntimeService runtime;

  public ConversationController(TicketConversation conversations, RuntimeService runtime) {
    this.conversations = conversations;
    this.runtime = runtime;
  }

  @GetMapping("/conversation")
  public Map<String, Object> conversation(@PathVariable String ticketNumber, Authentication caller) {
    TicketConversation.Conversation conversation = conversations.of(ticketNumber);
    if (conversation.entries().isEmpty()) {
      throw new NotFoundException("Tiket " + ticketNumber + " neexistuje.");
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ticketNumber", ticketNumber);
    view.put("cockpitUrl", mayOpenCockpit(caller) ? cockpitUrl(ticketNumber) : null);
    view.put("messages", conversation.entries().stream().map(entry -> entryView(ticketNumber, entry)).toList());
    view.put("otherAttachments", conversation.otherAttachments().stream()
        .map(attachment -> attachmentView(ticketNumber, attachment)).toList());
    return view;
  }

  @GetMapping("/attachments/{attachmentId}")
  public ResponseEntity<byte[]> attachment(@PathVariable String ticketNumber, @PathVariable long attachmentId) {
    StoredAttachment attachment = conversations.attachment(ticketNumber, attachmentId)
        .orElseThrow(() -> new NotFoundException("Příloha " + attachmentId + " u tiketu " + ticketNumber
            + " neexistuje."));
    byte[] content = conversations.content(ticketNumber, attachmentId).orElseThrow();
    return ResponseEntity.ok()
        .contentType(servedType(attachment.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(safeFileName(attachment.fileName(), attachmentId)))
        // the bytes are the customer's: never sniffed into HTML or script, never run in the desk's origin
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(content);
  }

  /**
   * The declared type when it cannot be rendered as a page or script; anything active (HTML, SVG, XML, scripts) or
   * unreadable is served as plain bytes.
   */
  static MediaType servedType(String declared) {
    try {
      MediaType type = MediaType.parseMediaType(declared == null ? "" : declared);
      String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
      boolean active = name.contains("html") || name.contains("xml") || name.contains("svg")
          || name.contains("script") || type.isWildcardType() || type.isWildcardSubtype()
          || name.startsWith("multipart/") || name.startsWith("message/");
      return active ? MediaType.APPLICATION_OCTET_STREAM : new MediaType(type.getType(), type.getSubtype());
    } catch (InvalidMediaTypeException unreadable) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }

  /** The customer's file name without paths, control characters or characters file systems refuse. */
  static String safeFileName(String fileName, long attachmentId) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
        .replaceAll("[\\p{Cntrl}\"*:<>?|]", "_").strip().replaceFirst("^\\.+", "");
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    return name.isBlank() ? "priloha-" + attachmentId : name;
  }

  /**
   * RFC 6266: the name in UTF-8 as {@code filename*} (RFC 8187 percent-encoding), and an ASCII {@code filename} for
   * clients that do not read that (diacritics dropped, anything else replaced).
   */
  private static final String RFC_8187_ATTR_CHARS = "!#$&+-.^_`|~";

  static String contentDisposition(String fileName) {
    String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (plain || RFC_8187_ATTR_CHARS.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private String cockpitUrl(String ticketNumber) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST)
        .processInstanceBusinessKey(ticketNumber).list().stream().findFirst().orElse(null);
    return instance == null ? null
        : "/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime";
  }

  private static boolean mayOpenCockpit(Authentication caller) {
    return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(COCKPIT_ROLES::contains);
  }

  private static Map<String, Object> entryView(String ticketNumber, TicketConversation.Entry entry) {
    TicketMessage message = entry.message();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", message.id());
    view.put("author", entry.author().name());
    view.put("authorLabel", entry.author().label());
    view.put("direction", message.direction());
    view.put("kind", message.kind());
    view.put("channel", message.channel());
    view.put("from", message.sender());
    view.put("to", message.recipient());
    view.put("subject", message.subject());
    view.put("body", message.body());
    view.put("at", message.occurredAt().atZone(DeskTime.ZONE).toOffsetDateTime());
    view.put("attachments", entry.attachments().stream().map(a -> attachmentView(ticketNumber, a)).toList());
    return view;
  }

  private static Map<String, Object> attachmentView(String ticketNumber, StoredAttachment attachment) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", attachment.id());
    view.put("fileName", safeFileName(attachment.fileName(), attachment.id()));
    view.put("contentType", servedType(attachment.contentType()).toString());
    view.put("size", attachment.originalSize());
    view.put("truncated", attachment.truncated());
    view.put("url", "/api/tickets/" + ticketNumber + "/attachments/" + attachment.id());
    return view;
  }
}
