package cz.intouch.support.mail;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.OutOfScopeCategory;
import cz.intouch.support.ticket.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The Czech texts of {@link MessageKind}, one file each: a {@code Subject: ...} line, a blank line, the body.
 * Customer mails end with {@code signature.txt}. Syntax, deliberately tiny:
 * <ul>
 *   <li>{@code {{name}}} the model value, formatted for Czech readers; a missing value fails the rendering;</li>
 *   <li>{@code {{#name}}...{{/name}}} kept when the value is present and not false/empty,
 *       {@code {{^name}}...{{/name}}} when it is not; a tag alone on its line takes the line with it.</li>
 * </ul>
 * All templates are read and checked when the bean is created, so a missing file or a name not declared in
 * {@link MessageKind#placeholders()} stops the start instead of a mail.
 */
@Component
public class MailTemplates {

  public static final String DEFAULT_LOCATION = "mail-templates";

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern TAG = Pattern.compile("\\{\\{([#^/]?)([^{}]*)\\}\\}");
  private static final Pattern STANDALONE_SECTION_TAG =
      Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/][A-Za-z][A-Za-z0-9]*\\}\\})[ \\t]*\\n");
  private static final Pattern SECTION =
      Pattern.compile("\\{\\{([#^])([A-Za-z][A-Za-z0-9]*)\\}\\}(.*?)\\{\\{/\\2\\}\\}", Pattern.DOTALL);
  private static final Pattern LEFTOVER_SECTION_TAG = Pattern.compile("\\{\\{[#^/]");
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)\\}\\}");

  public record RenderedMail(String subject, String body) {}

  record Template(String file, String subject, String body) {}

  private final Map<MessageKind, Template> templates = new EnumMap<>(MessageKind.class);
  private final String signature;

  public MailTemplates() {
    this(DEFAULT_LOCATION);
  }

  /** Templates from another classpath folder (tests). */
  public MailTemplates(String location) {
    for (MessageKind kind : MessageKind.values()) {
      String file = location + "/" + fileName(kind);
      templates.put(kind, parse(kind, file, read(file)));
    }
    signature = read(location + "/signature.txt").strip();
  }

  /** Template file name of a kind: its name in kebab case. */
  public static String fileName(MessageKind kind) {
    return kind.templatePath().substring(kind.templatePath().lastIndexOf('/') + 1);
  }

  /** Subject and body of a mail; the model needs a value for every {@code {{name}}} the template prints. */
  public RenderedMail render(MessageKind kind, Map<String, ?> model) {
    Template template = templates.get(kind);
    String body = fill(template, template.body(), model).strip();
    if (kind.audience() == MessageKind.Audience.CUSTOMER) {
      body = body + "\n\n" + signature;
    }
    String subject = fill(template, template.subject(), model).replaceAll("\\s+", " ").strip();
    return new RenderedMail(subject, body + "\n");
  }

  /** Every name a template refers to, in variables and sections alike. */
  public static Set<String> namesUsedIn(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      names.add(tag.group(2));
    }
    return names;
  }

  static Template parse(MessageKind kind, String file, String text) {
    String normalized = text.replace("\r\n", "\n");
    int firstBreak = normalized.indexOf('\n');
    String firstLine = firstBreak < 0 ? normalized : normalized.substring(0, firstBreak);
    if (!firstLine.startsWith("Subject: ") || firstLine.substring("Subject: ".length()).isBlank()) {
      throw new IllegalStateException(file + ": the first line must be 'Subject: ...'");
    }
    String rest = normalized.substring(firstBreak + 1);
    if (!rest.startsWith("\n")) {
      throw new IllegalStateException(file + ": a blank line must follow the subject");
    }
    Set<String> allowed = new LinkedHashSet<>(kind.placeholders());
    allowed.add(MessageKind.TICKET_NUMBER);
    for (String name : namesUsedIn(normalized)) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalStateException(file + ": malformed placeholder {{" + name + "}}");
      }
      if (!allowed.contains(name)) {
        throw new IllegalStateException(file + ": unknown placeholder {{" + name + "}}; " + kind + " declares "
            + allowed);
      }
    }
    String body = STANDALONE_SECTION_TAG.matcher(rest.substring(1)).replaceAll("$1");
    return new Template(file, firstLine.substring("Subject: ".length()), body);
  }

  private static String fill(Template template, String text, Map<String, ?> model) {
    String result = text;
    for (Matcher section = SECTION.matcher(result); section.find(); section = SECTION.matcher(result)) {
      boolean shown = truthy(model.get(section.group(2))) == section.group(1).equals("#");
      result = result.substring(0, section.start()) + (shown ? section.group(3) : "") + result.substring(section.end());
    }
    if (LEFTOVER_SECTION_TAG.matcher(result).find()) {
      throw new IllegalStateException(template.file() + ": unbalanced section in: " + result);
    }
    Matcher variable = VARIABLE.matcher(result);
    StringBuilder filled = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(1);
      Object value = model.get(name);
      if (value == null) {
        throw new IllegalArgumentException(template.file() + " needs a value for {{" + name + "}}");
      }
      variable.appendReplacement(filled, Matcher.quoteReplacement(format(name, value)));
    }
    variable.appendTail(filled);
    return filled.toString();
  }

  /** How a value reads in Czech; the codes are known by the name the process gives them. */
  static String format(String name, Object value) {
    if (name.equals("urgency")) {
      return Urgency.czechOf(value.toString());
    }
    if (name.equals("outOfScopeCategory")) {
      return OutOfScopeCategory.czechOf(value.toString());
    }
    if (name.equals("slaDeadline")) {
      // the SLA deadline is always said as "by": "do středy 2. prosince 2026 16:00"
      ZonedDateTime deadline = value instanceof Date date ? date.toInstant().atZone(DeskTime.ZONE)
          : value instanceof OffsetDateTime offset ? offset.toZonedDateTime()
          : value instanceof Instant instant ? instant.atZone(DeskTime.ZONE)
          : value instanceof ZonedDateTime zoned ? zoned : null;
      if (deadline != null) {
        return CzechFormats.until(deadline);
      }
    }
    if (value instanceof ZonedDateTime moment) {
      return CzechFormats.deadline(moment);
    }
    if (value instanceof OffsetDateTime moment) {
      return CzechFormats.deadline(moment.toZonedDateTime());
    }
    if (value instanceof Instant moment) {
      return CzechFormats.deadline(moment.atZone(DeskTime.ZONE));
    }
    if (value instanceof Date moment) {
      return CzechFormats.deadline(moment.toInstant().atZone(DeskTime.ZONE));
    }
    if (value instanceof LocalDate date) {
      return CzechFormats.date(date);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(item -> "- " + item.toString().replaceFirst("^\\s*-\\s*", ""))
          .collect(Collectors.joining("\n"));
    }
    return value.toString();
  }

  private static boolean truthy(Object value) {
    if (value == null || Boolean.FALSE.equals(value)) {
      return false;
    }
    if (value instanceof Collection<?> items) {
      return !items.isEmpty();
    }
    return !(value instanceof CharSequence text) || !text.toString().isBlank();
  }

  private static String read(String path) {
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Mail template missing on the classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Mail template unreadable: " + path, e);
    }
  }
}
